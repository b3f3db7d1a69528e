//! The dictionaries as one immutable value, loaded from `(file name, text)` pairs so that the
//! binary can embed them and tests can read them from the repository. File names are paths
//! relative to the `dictionaries/` folder (`actions/zh.tsv`); the grammar of every file is
//! documented in `dictionaries/README.md`. Every load error names `file:line`.

use crate::people::{People, PeopleError};
use crate::tsv::{self, TsvError};
use dyad_model::{CodeTable, CodeTableError};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Why the dictionaries could not be loaded. All of these are data errors: fix the named line.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum DictError {
    #[error(transparent)]
    Tsv(#[from] TsvError),
    #[error(transparent)]
    People(#[from] PeopleError),
    #[error(transparent)]
    Codes(#[from] CodeTableError),
    #[error("{origin}: {msg}")]
    Record { origin: String, msg: String },
    #[error(
        "{file}: unknown dictionary file (see dictionaries/README.md for the folders dyad reads)"
    )]
    UnknownFile { file: String },
    #[error("missing dictionary file `{0}`")]
    Missing(String),
}

/// What an actor pattern names.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ActorKind {
    /// A state (ISO alpha-3) or an organisation code.
    Code(String),
    /// A person key of the people dictionary; the code and role follow from the event date.
    Person(String),
    /// An explicit pair or group of codes (美俄 → USA,RUS): both directions.
    Group(Vec<String>),
    /// "both sides", 双方: the two parties of the context.
    Pair,
    /// A role word next to a state (总统, government, МИД): gives the CAMEO role.
    Agent(String),
}

/// One name or phrase that refers to an actor.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorEntry {
    pub lang: String,
    pub pattern: String,
    pub kind: ActorKind,
    /// True for organisation codes (they never merge into a state's role).
    pub is_org: bool,
    /// The CAMEO role a metonym carries (白宫 → USA GOV, Pentagon → USA MIL).
    pub role: Option<String>,
    /// The position (`actors/positions.tsv`) a role word names (总统, the president, президент →
    /// president): a role word alone is read as the last person named in that position.
    pub position: Option<String>,
    pub origin: String,
}

/// How the actors of an action cue are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frame {
    /// Source acts on target (sanction, criticise, visit).
    Dir,
    /// Every party acts with every other (talks, telephone call, agreement): both directions.
    Sym,
    /// Like `Sym`, and `044` (meet at a third location) when a third state is named as the place.
    Meet,
}

/// One verb cue: a literal, optionally `head…tail` with a short gap, and its CAMEO code.
#[derive(Debug, Clone, PartialEq)]
pub struct ActionEntry {
    pub lang: String,
    pub pattern: String,
    pub head: String,
    pub tail: Option<String>,
    /// `head……tail`: the tail may lie anywhere in the head's clause (a tail so specific that
    /// a long object may come between: ordered……to leave, 要求……离境).
    pub wide: bool,
    pub cameo: String,
    pub frame: Frame,
    pub negated: bool,
    pub hypothetical: bool,
    /// A nominal cue (合作, 谈判, 制裁): an act only after a light verb (进行谈判), next to a
    /// with-phrase (与俄合作) or before its object (制裁俄罗斯); else it names a topic.
    pub noun: bool,
    /// A verb whose subject undergoes the act (获释 was released, 被捕 was arrested): read as an
    /// agentless passive (its agent after a passive-after marker, or the place where it happened).
    pub passive: bool,
    /// An act of its own beside another of the same code in a sentence (closing a consulate
    /// beside expelling diplomats): two events, not one.
    pub apart: bool,
    pub origin: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Flag {
    Negated,
    Hypothetical,
    /// An announcement ("announced that it will", 宣布将, объявил о): a one-sided measure it
    /// announces takes effect as announced, so a future tense after it is no plan.
    Announced,
    /// Volition ("ready to", "willing to", 愿意, готов): the act itself is a plan, but saying so
    /// is a factual expression of intent (CAMEO 03x) by the speaker.
    Intent,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Applies to a cue later in the same clause (no clause break in between).
    Clause,
    /// Applies to a cue later in the sentence.
    Sentence,
    /// Applies like `Clause`, and also to the act cue just before it in its clause (the summit
    /// will take place, саммит состоится, 峰会将于…举行): a predicate after a nominal act.
    After,
}

/// A negation or modality cue and how far it reaches (in characters) towards the verb cue.
#[derive(Debug, Clone, PartialEq)]
pub struct ModalityEntry {
    pub lang: String,
    pub cue: String,
    pub flag: Flag,
    pub scope: Scope,
    pub window: usize,
    pub origin: String,
}

/// Grammatical function words per language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GrammarKind {
    /// Comitative: 与 同 跟, with, с.
    With,
    /// Marks the target before or after the verb: 对 向, against on, против.
    To,
    /// Coordination: 和 及 、, and, и.
    And,
    /// Passive agent marker before the verb (被, 遭到): `T 被 S V`.
    PassiveBefore,
    /// Passive agent marker after the verb (by, со стороны): `T was V-ed by S`.
    PassiveAfter,
    /// A passive auxiliary right before a verb cue (was, were, been): `T was V-ed` with no
    /// agent of its own (a `passive-before` marker right before its cue, 被捕, 受到制裁, is one too).
    PassiveAux,
    /// Location: 在 于, in at, в.
    At,
    /// Clause break: ， ； , ;
    Break,
    /// Lets a one-character Chinese state abbreviation (美, 俄) stand before it (美方, 俄军).
    Bound,
    /// Lets a one-character abbreviation stand after it (对俄, 与美).
    BoundBefore,
    /// Words that may be skipped inside an actor phrase (the, 's, ·).
    Glue,
    /// Numerals and measure words of a count (5名, 两位, two, several): a count may stand
    /// between a list word and the next actor of the list (3名美国公民、5名德国公民).
    Count,
    /// `script cjk|alphabetic`: which analyzer the language uses.
    Script,
    /// Allowed inflectional endings after actor names (ru: а у ом е ы).
    Ending,
    /// Two one-character abbreviations that form a compound (美俄, 日美): inside a listed pair
    /// (or a chain of them: 日美韩) each character counts as its state.
    Compound,
    /// A noun after which an actor phrase only modifies it (乌克兰危机, 美俄关系): the phrase is
    /// then no participant of an event.
    Modifier,
    /// A noun of territory (境内, 领土): an actor phrase right before it names a place — after a
    /// to- or at-word where a deployment or an attack goes, else no participant.
    Territory,
    /// The mark that closes a dateline (新华社莫斯科2月21日电, 【…9月14日讯】): the place right
    /// before the dateline's date is where the report was filed, no participant.
    Dateline,
    /// A light verb that turns a nominal cue (flag `noun`) into an act: 进行谈判, 开展合作.
    Light,
    /// A noun after which a verb cue (right before it, or before 的 and it) names a topic, not
    /// an act: 通报会晤情况, 达成协议的可能性, 开展合作的典范.
    Topic,
    /// A particle after which a verb cue modifies the noun that follows (1987年签署的条约, 与美国
    /// 签署的协议): the act is background to the sentence, not an event it reports.
    Attributive,
    /// A reporting or speech verb (表示, 称, said, заявил): a date that governs it dates the
    /// report, not the acts in its complement (普京8月16日表示…会晤 is no meeting of 16 August).
    Report,
    /// A relative connective at the start of a sentence (随后, 此后, then, later, затем): an
    /// undated sentence that opens with one continues the running date across a paragraph.
    Continue,
    /// A CAMEO root (`cue`: 01, 11…) of acts made by saying them: a reported act of such a
    /// root is dated by its report (外交部10日表示谴责 → 111 on the 10th).
    SpeechRoot,
    /// Brackets around a title (《…》): a verb cue inside names no act (《进攻性战略武器条约》).
    Title,
    /// A word that closes a subordinate clause of time (后, 之后, 时: 下令制裁……后，奥巴马宣布…):
    /// a verb of that clause with no subject of its own has the next clause's subject.
    Subordinate,
    /// A possessive before an act noun (for its invasion, за своё вторжение, 其): the act is the
    /// previous verb's object's.
    Possessive,
    /// A word that is a future marker before a verb but a disposal marker before its object
    /// (将 in 欧盟将俄罗斯银行踢出SWIFT, 美国将俄军纳入制裁): right before an actor it modalises
    /// nothing.
    Disposal,
    /// A name's ending and the endings that replace it in the other cases (`ский` →
    /// `ского|скому|ским|ском`, `ова` → `овой|ову`): a person's name ending so is also read in
    /// those forms (Зеленским, Захаровой).
    Declension,
    /// Characters that spell foreign names in Chinese (斯, 尔, 帕, 夫…; `cue` a run of them): a
    /// person's two-character name right after or before one is part of a longer name
    /// (克里 in 斯克里帕尔 is not Kerry).
    Transliteration,
    /// The ending of a participle or of an adjective that opens a phrase set off by commas
    /// (ru: граждане, содержавшиеся в Иране, освобождены; Лавров, выступающий в Женеве, …): the
    /// phrase is an aside, and its commas do not end the clause around it.
    Participle,
    /// The ending of a short passive participle (ru: введены, подписан): an actor right after
    /// one whose last word ends in an [`GrammarKind::Instrumental`] ending is the passive's agent
    /// (Санкции были введены Вашингтоном).
    ShortPassive,
    /// A case ending of the instrumental (ru: -ом, -ой, -ами), the case of a passive's agent.
    Instrumental,
}

#[derive(Debug, Clone, PartialEq)]
pub struct GrammarEntry {
    pub lang: String,
    pub kind: GrammarKind,
    pub cue: String,
    /// The `value` column (`-` when empty): the role of an agent, the characters a
    /// `bound-before` word licenses.
    pub value: String,
    pub origin: String,
}

/// Units of relative dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Day,
    Month,
    Year,
    /// Same date as the anchor, same precision (此前, 随后).
    Keep,
    /// The last such weekday on or before the anchor day (周一, on Monday, в понедельник); the
    /// offset is the weekday, 1 = Monday … 7 = Sunday.
    Weekday,
    /// A week counted from the anchor day (上周, last week, на прошлой неделе): the month of
    /// the day that many weeks away, month-precise (a week names no day).
    Week,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// The nearest explicit date before it (in the sentence, then the document), then the document date.
    Context,
    /// The document's date (去年, this year).
    Document,
}

#[derive(Debug, Clone, PartialEq)]
pub enum DateKind {
    /// A month name (August, августа) with its number.
    Month(u8),
    /// Suffix marks after a number: 年, 月, 日/号, 年代.
    YearMark,
    MonthMark,
    DayMark,
    DecadeMark,
    /// A word before a bare four-digit year (in, since, в) or after it (году, г.).
    YearBefore,
    YearAfter,
    /// A date preceded/followed by these is a reference point, not the event's date (自…以来, since).
    SinceBefore,
    SinceAfter,
    Relative {
        anchor: Anchor,
        unit: Unit,
        offset: i32,
    },
    /// After a number, a count of units back from the document's date (20 years ago, 20 лет
    /// назад): the unit (`year`, `month`, `week`, `day`).
    Ago(Unit),
}

#[derive(Debug, Clone, PartialEq)]
pub struct DateEntry {
    pub lang: String,
    pub expr: String,
    pub kind: DateKind,
    pub origin: String,
}

/// A domain keyword (`lang` zh/en/ru) or a CAMEO-prefix rule (`lang` = `cameo`).
#[derive(Debug, Clone, PartialEq)]
pub struct KeywordEntry {
    pub domain: String,
    pub lang: String,
    pub keyword: String,
    pub origin: String,
}

/// What a word of `context/<lang>.tsv` tells the context pass.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContextKind {
    /// A word that gives a statement its kind: `value` is the CAMEO code of the statement
    /// (`111` criticism, `112` accusation, `100` demand, `130` threat, `051` praise…).
    Stance(String),
    /// A verb that makes a statement by itself (condemned, 谴责, призвал): `value` is its CAMEO
    /// code; the speaker is read before it as before a reporting verb.
    Speech(String),
    /// A pronoun or reference word: `third` (he, 他, он: the last speaker or subject), `first`
    /// (I, we, 我们, мы: the speaker of the quotation), `second` (you, 您, вы: the addressee).
    Pronoun(PronounKind),
    /// A quotation mark: `open`, `close` or `both` (a straight quote).
    Quote(QuoteKind),
    /// A name for an agreement (treaty, 协议, соглашение): a sentence that opens with one states
    /// the terms of the document's last agreement and repeats it (`value` `-`).
    Agreement,
    /// A word naming a speaker who does not speak for a state (analyst, expert, a source,
    /// the media; 学者, 专家, 消息人士; эксперт, источник): what such a speaker says is
    /// commentary, no statement of the state named beside it (`value` `-`).
    Commentator,
    /// A word that gives an act its stated reason (以…为由, 理由是, citing, под предлогом): where
    /// the reason judges the act's target (违约, violations), the act also accuses it (112).
    Reason,
    /// A word of hope (希望, hope, надеется): followed at once by a party (希望美国放弃…, hopes
    /// that Russia will…) it appeals to that party (100); else it is optimism (051).
    Appeal,
    /// A verb that makes a party react (引起, 招致, drew, вызвал): a word of displeasure or protest
    /// right after the party it names (引起俄方强烈不满, drew protests from Moscow) is that
    /// party's, about the document's other side (`value` `-`).
    Cause,
    /// A word of an agreement's standing rather than its terms (须获批准, must be ratified,
    /// replaces, expired, 失效, истекает): a sentence with one restates no agreement (`value` `-`).
    Standing,
    /// A heading that names who speaks in what follows (Statement by the President, Remarks by,
    /// Заявление МИД России, 外交部声明): the state it names is the voice of the first-person
    /// sentences after it (`value` `-`).
    Byline,
    /// A word that makes a two-sided act one party's (单方面停火, a unilateral ceasefire, в
    /// одностороннем порядке): the act is its subject's, toward the other side (`value` `-`).
    Unilateral,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PronounKind {
    First,
    Second,
    Third,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteKind {
    Open,
    Close,
    Both,
}

/// One word of `context/<lang>.tsv`.
#[derive(Debug, Clone)]
pub struct ContextEntry {
    pub lang: String,
    pub kind: ContextKind,
    /// The literal; a trailing `*` accepts any ending (alphabetic scripts).
    pub cue: String,
    pub origin: String,
}

/// All dictionaries, loaded and validated.
#[derive(Debug, Clone, Default)]
pub struct Dictionaries {
    pub codes: CodeTable,
    pub people: People,
    /// Domain names of `domains.tsv` with their qualifier (`-`, `theatre`, `actor`).
    pub domains: BTreeMap<String, String>,
    pub actors: Vec<ActorEntry>,
    pub actions: Vec<ActionEntry>,
    pub modality: Vec<ModalityEntry>,
    pub grammar: Vec<GrammarEntry>,
    pub dates: Vec<DateEntry>,
    pub keywords: Vec<KeywordEntry>,
    /// Words the document-level context pass reads (`context/<lang>.tsv`): stances, pronouns,
    /// quotation marks.
    pub context: Vec<ContextEntry>,
    /// Character folds per language (traditional → simplified Chinese).
    pub folds: HashMap<String, HashMap<char, char>>,
    /// Labelled sentences the stance model learns from (`stance/<lang>.tsv`).
    pub stance: Vec<crate::stance::StanceExample>,
    /// `file → version` of every file that declares one.
    pub versions: BTreeMap<String, String>,
}

fn rec_err(file: &str, line: usize, msg: impl Into<String>) -> DictError {
    DictError::Record {
        origin: format!("{file}:{line}"),
        msg: msg.into(),
    }
}

fn split_names(s: &str) -> impl Iterator<Item = &str> {
    s.split('|')
        .map(str::trim)
        .filter(|n| !n.is_empty() && *n != "-")
}

/// The language a per-language file is for: `actions/zh.tsv` → `zh`.
fn lang_of(name: &str) -> String {
    let stem = name.rsplit('/').next().unwrap_or(name);
    stem.trim_end_matches(".tsv").to_string()
}

impl Dictionaries {
    /// Loads dictionaries from `(file name, text)` pairs; names are relative to `dictionaries/`
    /// (a leading `dictionaries/` is ignored). Files other than `.tsv` are skipped.
    pub fn load(files: &[(&str, &str)]) -> Result<Dictionaries, DictError> {
        let mut d = Dictionaries::default();
        let norm = |n: &str| {
            n.trim_start_matches("./")
                .trim_start_matches("dictionaries/")
                .to_string()
        };
        let find = |want: &str| {
            files
                .iter()
                .find(|(n, _)| norm(n) == want)
                .map(|(n, t)| (*n, *t))
        };
        let (cn, ct) = find("cameo.tsv").ok_or_else(|| DictError::Missing("cameo.tsv".into()))?;
        d.codes = CodeTable::parse(cn, ct)?;
        let pos = find("actors/positions.tsv")
            .ok_or_else(|| DictError::Missing("actors/positions.tsv".into()))?;
        let ppl = find("actors/people.tsv")
            .ok_or_else(|| DictError::Missing("actors/people.tsv".into()))?;
        d.people = People::parse(pos, ppl)?;
        for (name, text) in files {
            let n = norm(name);
            if !n.ends_with(".tsv") {
                continue;
            }
            if let Some(v) = tsv::version(text) {
                d.versions.insert(n.clone(), v.to_string());
            }
            match n.as_str() {
                // kinds.tsv: the kinds of act, read by the chronology's check (dyad-model kinds)
                "cameo.tsv" | "actors/positions.tsv" | "kinds.tsv" => {}
                "actors/people.tsv" => d.load_people_names(),
                "domains.tsv" => d.load_domains(name, text)?,
                "actors/states.tsv" => d.load_states(name, text)?,
                "actors/organisations.tsv" => d.load_orgs(name, text)?,
                "actors/collective.tsv" => d.load_collective(name, text)?,
                "domains/keywords.tsv" => d.load_keywords(name, text)?,
                _ if n.starts_with("metonyms/") => d.load_metonyms(name, &lang_of(&n), text)?,
                _ if n.starts_with("actions/") => d.load_actions(name, &lang_of(&n), text)?,
                _ if n.starts_with("modality/") => d.load_modality(name, &lang_of(&n), text)?,
                _ if n.starts_with("grammar/") => d.load_grammar(name, &lang_of(&n), text)?,
                _ if n.starts_with("dates/") => d.load_dates(name, &lang_of(&n), text)?,
                _ if n.starts_with("fold/") => d.load_fold(name, &lang_of(&n), text)?,
                _ if n.starts_with("context/") => d.load_context(name, &lang_of(&n), text)?,
                _ if n.starts_with("stance/") => d.load_stance(name, &lang_of(&n), text)?,
                _ => {
                    return Err(DictError::UnknownFile {
                        file: name.to_string(),
                    })
                }
            }
        }
        Ok(d)
    }

    /// The dictionaries shipped in the repository's `dictionaries/` folder, embedded at build time.
    pub fn builtin() -> Result<Dictionaries, DictError> {
        Dictionaries::load(crate::embedded::FILES)
    }

    /// The languages that have an analyzer (a `grammar/<lang>.tsv` file).
    pub fn languages(&self) -> BTreeSet<String> {
        self.grammar.iter().map(|g| g.lang.clone()).collect()
    }

    fn load_people_names(&mut self) {
        let mut seen = BTreeSet::new();
        let mut add = Vec::new();
        for t in self.people.tenures() {
            for (lang, names) in [
                ("zh", &t.names_zh),
                ("en", &t.names_en),
                ("ru", &t.names_ru),
            ] {
                for n in names {
                    if seen.insert((lang, n.clone(), t.key.clone())) {
                        add.push(ActorEntry {
                            lang: lang.into(),
                            pattern: n.clone(),
                            kind: ActorKind::Person(t.key.clone()),
                            is_org: false,
                            role: None,
                            position: None,
                            origin: t.origin.clone(),
                        });
                    }
                }
            }
        }
        self.actors.extend(add);
    }

    fn load_domains(&mut self, file: &str, text: &str) -> Result<(), DictError> {
        for r in tsv::records(file, text, &["domain", "qualifier", "name_en", "name_zh"])? {
            self.domains
                .insert(r.fields[0].to_string(), r.fields[1].to_string());
        }
        Ok(())
    }

    fn push_actor(
        &mut self,
        lang: &str,
        pattern: &str,
        kind: ActorKind,
        is_org: bool,
        origin: &str,
    ) {
        self.actors.push(ActorEntry {
            lang: lang.into(),
            pattern: pattern.into(),
            kind,
            is_org,
            role: None,
            position: None,
            origin: origin.into(),
        });
    }

    fn load_states(&mut self, file: &str, text: &str) -> Result<(), DictError> {
        let cols = [
            "code",
            "names_zh",
            "names_en",
            "names_ru",
            "adjectives_en",
            "adjectives_ru",
            "fang_zh",
        ];
        for r in tsv::records(file, text, &cols)? {
            let origin = format!("{file}:{}", r.line);
            let code = r.fields[0];
            if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
                return Err(rec_err(
                    file,
                    r.line,
                    format!("`{code}` is not an ISO 3166-1 alpha-3 code"),
                ));
            }
            for (i, lang) in [
                (1, "zh"),
                (2, "en"),
                (3, "ru"),
                (4, "en"),
                (5, "ru"),
                (6, "zh"),
            ] {
                for n in split_names(r.fields[i]) {
                    self.push_actor(lang, n, ActorKind::Code(code.into()), false, &origin);
                }
            }
        }
        Ok(())
    }

    fn load_orgs(&mut self, file: &str, text: &str) -> Result<(), DictError> {
        for r in tsv::records(
            file,
            text,
            &["code", "cameo_code", "names_zh", "names_en", "names_ru"],
        )? {
            let origin = format!("{file}:{}", r.line);
            for (i, lang) in [(2, "zh"), (3, "en"), (4, "ru")] {
                for n in split_names(r.fields[i]) {
                    self.push_actor(lang, n, ActorKind::Code(r.fields[0].into()), true, &origin);
                }
            }
        }
        Ok(())
    }

    fn load_collective(&mut self, file: &str, text: &str) -> Result<(), DictError> {
        for r in tsv::records(file, text, &["pattern", "lang", "actors"])? {
            let origin = format!("{file}:{}", r.line);
            let kind = match r.fields[2] {
                "*PAIR*" => ActorKind::Pair,
                s => {
                    let codes: Vec<String> = s
                        .split(',')
                        .map(|c| c.trim().to_string())
                        .filter(|c| !c.is_empty())
                        .collect();
                    if codes.len() < 2 {
                        return Err(rec_err(
                            file,
                            r.line,
                            "actors must be `*PAIR*` or two or more codes separated by commas",
                        ));
                    }
                    ActorKind::Group(codes)
                }
            };
            self.push_actor(r.fields[1], r.fields[0], kind, false, &origin);
        }
        Ok(())
    }

    fn load_metonyms(&mut self, file: &str, lang: &str, text: &str) -> Result<(), DictError> {
        for r in tsv::records(file, text, &["pattern", "code", "role"])? {
            let role = Some(r.fields[2])
                .filter(|s| !s.is_empty() && *s != "-")
                .map(str::to_string);
            // a treaty stands for its parties: `INF Treaty	USA,RUS	-` (美国退出《中导条约》 → USA→RUS)
            let kind = if r.fields[1].contains(',') {
                ActorKind::Group(
                    r.fields[1]
                        .split(',')
                        .map(|c| c.trim().to_string())
                        .collect(),
                )
            } else {
                ActorKind::Code(r.fields[1].into())
            };
            self.actors.push(ActorEntry {
                lang: lang.into(),
                pattern: r.fields[0].into(),
                kind,
                is_org: false,
                role,
                position: None,
                origin: format!("{file}:{}", r.line),
            });
        }
        Ok(())
    }

    fn load_keywords(&mut self, file: &str, text: &str) -> Result<(), DictError> {
        for r in tsv::records(file, text, &["domain", "lang", "keyword"])? {
            self.keywords.push(KeywordEntry {
                domain: r.fields[0].into(),
                lang: r.fields[1].into(),
                keyword: r.fields[2].into(),
                origin: format!("{file}:{}", r.line),
            });
        }
        Ok(())
    }

    fn load_actions(&mut self, file: &str, lang: &str, text: &str) -> Result<(), DictError> {
        for r in tsv::records(file, text, &["pattern", "cameo", "frame", "flags"])? {
            let f = &r.fields;
            let frame = match f[2] {
                "dir" => Frame::Dir,
                "sym" => Frame::Sym,
                "meet" => Frame::Meet,
                x => {
                    return Err(rec_err(
                        file,
                        r.line,
                        format!("frame `{x}` is not dir, sym or meet"),
                    ))
                }
            };
            let (mut negated, mut hypothetical, mut noun, mut passive, mut apart) =
                (false, false, false, false, false);
            for fl in f[3]
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty() && *s != "-")
            {
                match fl {
                    "negated" => negated = true,
                    "hypothetical" => hypothetical = true,
                    "noun" => noun = true,
                    "passive" => passive = true,
                    "apart" => apart = true,
                    x => {
                        return Err(rec_err(
                            file,
                            r.line,
                            format!(
                                "flag `{x}` is not negated, hypothetical, noun, passive or apart"
                            ),
                        ))
                    }
                }
            }
            let wide = f[0].contains("……");
            let (head, tail) = match f[0].replacen("……", "…", 1).split_once('…') {
                Some((h, t)) if !h.is_empty() && !t.is_empty() && !t.contains('…') => {
                    (h.to_string(), Some(t.to_string()))
                }
                Some(_) => {
                    return Err(rec_err(
                        file,
                        r.line,
                        "a gapped pattern needs text on both sides of `…`",
                    ))
                }
                None => (f[0].to_string(), None),
            };
            if head.trim_end_matches('*').is_empty() {
                return Err(rec_err(file, r.line, "empty pattern"));
            }
            self.actions.push(ActionEntry {
                lang: lang.into(),
                pattern: f[0].into(),
                head,
                tail,
                wide,
                cameo: f[1].into(),
                frame,
                negated,
                hypothetical,
                noun,
                passive,
                apart,
                origin: format!("{file}:{}", r.line),
            });
        }
        Ok(())
    }

    fn load_modality(&mut self, file: &str, lang: &str, text: &str) -> Result<(), DictError> {
        for r in tsv::records(file, text, &["cue", "flag", "scope", "window"])? {
            let f = &r.fields;
            let flag = match f[1] {
                "negated" => Flag::Negated,
                "hypothetical" => Flag::Hypothetical,
                "announced" => Flag::Announced,
                "intent" => Flag::Intent,
                x => {
                    return Err(rec_err(
                        file,
                        r.line,
                        format!("flag `{x}` is not negated, hypothetical or announced"),
                    ))
                }
            };
            let scope = match f[2] {
                "clause" => Scope::Clause,
                "sentence" => Scope::Sentence,
                "after" => Scope::After,
                x => {
                    return Err(rec_err(
                        file,
                        r.line,
                        format!("scope `{x}` is not clause, sentence or after"),
                    ))
                }
            };
            let window = f[3]
                .parse()
                .map_err(|_| rec_err(file, r.line, format!("window `{}` is not a number", f[3])))?;
            self.modality.push(ModalityEntry {
                lang: lang.into(),
                cue: f[0].into(),
                flag,
                scope,
                window,
                origin: format!("{file}:{}", r.line),
            });
        }
        Ok(())
    }

    fn load_grammar(&mut self, file: &str, lang: &str, text: &str) -> Result<(), DictError> {
        // the `position` column is optional, and so is its header (a grammar file written before
        // it has three columns)
        let header = text
            .lines()
            .find(|l| !l.starts_with('#') && !l.trim().is_empty());
        let cols: &[&str] = if header.map(str::trim_end) == Some("kind\tcue\tvalue") {
            &["kind", "cue", "value"]
        } else {
            &["kind", "cue", "value", "position"]
        };
        for r in tsv::records_with_optional(file, text, cols, cols.len() - 3)? {
            let f = &r.fields;
            let position = f.get(3).copied().unwrap_or("");
            let origin = format!("{file}:{}", r.line);
            if !position.is_empty() && f[0] != "agent" {
                return Err(rec_err(
                    file,
                    r.line,
                    "only an agent (a role word) names a position",
                ));
            }
            let kind = match f[0] {
                "with" => GrammarKind::With,
                "to" => GrammarKind::To,
                "and" => GrammarKind::And,
                "passive-before" => GrammarKind::PassiveBefore,
                "passive-after" => GrammarKind::PassiveAfter,
                "passive-aux" => GrammarKind::PassiveAux,
                "at" => GrammarKind::At,
                "break" => GrammarKind::Break,
                "bound" => GrammarKind::Bound,
                "bound-before" => GrammarKind::BoundBefore,
                "glue" => GrammarKind::Glue,
                "count" => GrammarKind::Count,
                "script" => GrammarKind::Script,
                "ending" => GrammarKind::Ending,
                "compound" => GrammarKind::Compound,
                "modifier" => GrammarKind::Modifier,
                "territory" => GrammarKind::Territory,
                "light" => GrammarKind::Light,
                "dateline" => GrammarKind::Dateline,
                "topic" => GrammarKind::Topic,
                "attributive" => GrammarKind::Attributive,
                "report" => GrammarKind::Report,
                "continue" => GrammarKind::Continue,
                "speech-root" => GrammarKind::SpeechRoot,
                "title" => GrammarKind::Title,
                "subordinate" => GrammarKind::Subordinate,
                "possessive" => GrammarKind::Possessive,
                "disposal" => GrammarKind::Disposal,
                "transliteration" => GrammarKind::Transliteration,
                "participle" => GrammarKind::Participle,
                "short-passive" => GrammarKind::ShortPassive,
                "instrumental" => GrammarKind::Instrumental,
                "declension" => {
                    if f[2].is_empty() || f[2] == "-" || f[2].split('|').any(str::is_empty) {
                        return Err(rec_err(
                            file,
                            r.line,
                            "a declension needs its other endings in `value`, separated by | (ского|скому)",
                        ));
                    }
                    GrammarKind::Declension
                }
                "agent" => {
                    if f[2].is_empty() || f[2] == "-" {
                        return Err(rec_err(
                            file,
                            r.line,
                            "an agent needs a CAMEO role code in `value` (GOV, MIL, LEG…)",
                        ));
                    }
                    self.push_actor(lang, f[1], ActorKind::Agent(f[2].into()), false, &origin);
                    if !position.is_empty() {
                        if self.people.position(position).is_none() {
                            return Err(rec_err(
                                file,
                                r.line,
                                format!("unknown position `{position}` (see actors/positions.tsv)"),
                            ));
                        }
                        if let Some(a) = self.actors.last_mut() {
                            a.position = Some(position.to_string());
                        }
                    }
                    continue;
                }
                x => return Err(rec_err(file, r.line, format!("unknown grammar kind `{x}`"))),
            };
            if kind == GrammarKind::Glue && !matches!(f[2], "" | "-" | "posted") {
                return Err(rec_err(
                    file,
                    r.line,
                    "a glue word's value is - or posted (驻: the state after it is where the phrase \
                     before it is posted)",
                ));
            }
            if kind == GrammarKind::Script && !matches!(f[1], "cjk" | "alphabetic") {
                return Err(rec_err(file, r.line, "script must be cjk or alphabetic"));
            }
            // `\s` stands for a space so that cues with edge spaces survive TSV trimming.
            let cue = f[1].replace("\\s", " ");
            if kind == GrammarKind::Compound && cue.chars().count() != 2 {
                return Err(rec_err(file, r.line, "a compound is two characters (美俄)"));
            }
            let value = if f[2].is_empty() { "-" } else { f[2] }.to_string();
            self.grammar.push(GrammarEntry {
                lang: lang.into(),
                kind,
                cue,
                value,
                origin,
            });
        }
        Ok(())
    }

    fn load_stance(&mut self, file: &str, lang: &str, text: &str) -> Result<(), DictError> {
        let mut seen: HashMap<String, usize> = HashMap::new();
        for r in tsv::records(file, text, &["label", "sentence"])? {
            let f = &r.fields;
            let stance = crate::stance::Stance::parse(f[0]).ok_or_else(|| {
                rec_err(
                    file,
                    r.line,
                    format!(
                        "unknown stance `{}` (POS, NEG, DEMAND, THREAT or NONE)",
                        f[0]
                    ),
                )
            })?;
            let text = f[1].trim();
            if text.chars().count() < 6 {
                return Err(rec_err(
                    file,
                    r.line,
                    "a sentence of fewer than 6 characters",
                ));
            }
            if let Some(first) = seen.insert(text.to_string(), r.line) {
                return Err(rec_err(
                    file,
                    r.line,
                    format!("the same sentence as line {first}"),
                ));
            }
            self.stance.push(crate::stance::StanceExample {
                lang: lang.into(),
                stance,
                text: text.to_string(),
                origin: format!("{file}:{}", r.line),
            });
        }
        Ok(())
    }

    fn load_context(&mut self, file: &str, lang: &str, text: &str) -> Result<(), DictError> {
        for r in tsv::records(file, text, &["kind", "cue", "value"])? {
            let f = &r.fields;
            let bad = |m: &str| rec_err(file, r.line, m.to_string());
            let kind = match (f[0], f[2]) {
                ("stance", code) if !code.is_empty() && code != "-" => {
                    ContextKind::Stance(code.to_string())
                }
                ("speech", code) if !code.is_empty() && code != "-" => {
                    ContextKind::Speech(code.to_string())
                }
                ("stance" | "speech", _) => {
                    return Err(bad(
                        "a stance or speech word needs its CAMEO code in `value`",
                    ))
                }
                ("pronoun", "first") => ContextKind::Pronoun(PronounKind::First),
                ("pronoun", "second") => ContextKind::Pronoun(PronounKind::Second),
                ("pronoun", "third") => ContextKind::Pronoun(PronounKind::Third),
                ("pronoun", _) => return Err(bad("a pronoun's value is first, second or third")),
                ("quote", "open") => ContextKind::Quote(QuoteKind::Open),
                ("quote", "close") => ContextKind::Quote(QuoteKind::Close),
                ("quote", "both") => ContextKind::Quote(QuoteKind::Both),
                ("quote", _) => return Err(bad("a quote's value is open, close or both")),
                ("agreement", _) => ContextKind::Agreement,
                ("commentator", _) => ContextKind::Commentator,
                ("reason", _) => ContextKind::Reason,
                ("appeal", _) => ContextKind::Appeal,
                ("cause", _) => ContextKind::Cause,
                ("standing", _) => ContextKind::Standing,
                ("byline", _) => ContextKind::Byline,
                ("unilateral", _) => ContextKind::Unilateral,
                (x, _) => {
                    return Err(rec_err(
                        file,
                        r.line,
                        format!(
                        "unknown context kind `{x}` (stance, speech, pronoun, quote, agreement, commentator, reason, appeal, cause, standing, byline, unilateral)"
                    ),
                    ))
                }
            };
            let cue = f[1].replace("\\s", " ");
            if cue.trim_end_matches('*').is_empty() {
                return Err(bad("an empty cue"));
            }
            self.context.push(ContextEntry {
                lang: lang.into(),
                kind,
                cue,
                origin: format!("{file}:{}", r.line),
            });
        }
        Ok(())
    }

    fn load_dates(&mut self, file: &str, lang: &str, text: &str) -> Result<(), DictError> {
        for r in tsv::records(file, text, &["kind", "expression", "value"])? {
            let f = &r.fields;
            let bad = |m: String| rec_err(file, r.line, m);
            let kind = match f[0] {
                "month" => {
                    let m: u8 = f[2]
                        .parse()
                        .ok()
                        .filter(|m| (1..=12).contains(m))
                        .ok_or_else(|| bad(format!("month `{}` is not 1-12", f[2])))?;
                    DateKind::Month(m)
                }
                "year-mark" => DateKind::YearMark,
                "month-mark" => DateKind::MonthMark,
                "day-mark" => DateKind::DayMark,
                "decade-mark" => DateKind::DecadeMark,
                "year-before" => DateKind::YearBefore,
                "year-after" => DateKind::YearAfter,
                "since-before" => DateKind::SinceBefore,
                "since-after" => DateKind::SinceAfter,
                "ago" => DateKind::Ago(match f[2] {
                    "year" => Unit::Year,
                    "month" => Unit::Month,
                    "week" => Unit::Week,
                    "day" => Unit::Day,
                    x => {
                        return Err(bad(format!(
                            "the unit of an `ago` mark is year, month, week or day, not `{x}`"
                        )))
                    }
                }),
                "relative" => {
                    let p: Vec<&str> = f[2].split(':').collect();
                    let anchor = match p.first() {
                        Some(&"context") => Anchor::Context,
                        Some(&"document") => Anchor::Document,
                        _ => {
                            return Err(bad(format!(
                                "relative value `{}` must be anchor:unit:offset",
                                f[2]
                            )))
                        }
                    };
                    let unit = match p.get(1) {
                        Some(&"day") => Unit::Day,
                        Some(&"month") => Unit::Month,
                        Some(&"year") => Unit::Year,
                        Some(&"keep") => Unit::Keep,
                        Some(&"weekday") => Unit::Weekday,
                        Some(&"week") => Unit::Week,
                        _ => {
                            return Err(bad(format!(
                                "unit in `{}` must be day, week, month, year, keep or weekday",
                                f[2]
                            )))
                        }
                    };
                    let offset = p
                        .get(2)
                        .and_then(|o| o.trim_start_matches('+').parse().ok())
                        .ok_or_else(|| bad(format!("offset in `{}` is not an integer", f[2])))?;
                    if unit == Unit::Weekday && !(1..=7).contains(&offset) {
                        return Err(bad(format!(
                            "a weekday's offset in `{}` is 1 (Monday) … 7 (Sunday)",
                            f[2]
                        )));
                    }
                    DateKind::Relative {
                        anchor,
                        unit,
                        offset,
                    }
                }
                x => return Err(bad(format!("unknown date kind `{x}`"))),
            };
            self.dates.push(DateEntry {
                lang: lang.into(),
                expr: f[1].into(),
                kind,
                origin: format!("{file}:{}", r.line),
            });
        }
        Ok(())
    }

    fn load_fold(&mut self, file: &str, lang: &str, text: &str) -> Result<(), DictError> {
        let map = self.folds.entry(lang.to_string()).or_default();
        for r in tsv::records(file, text, &["traditional", "simplified"])? {
            let mut a = r.fields[0].chars();
            let mut b = r.fields[1].chars();
            match (a.next(), a.next(), b.next(), b.next()) {
                (Some(x), None, Some(y), None) => {
                    map.insert(x, y);
                }
                _ => {
                    return Err(rec_err(
                        file,
                        r.line,
                        "a fold maps one character to one character",
                    ))
                }
            }
        }
        Ok(())
    }

    /// Cross-file consistency problems, each naming `file:line`: unknown CAMEO codes and
    /// domains, one pattern naming two different actors, duplicate action patterns, people
    /// problems (overlapping dated roles), languages without a script.
    pub fn check(&self) -> Vec<String> {
        let mut out = self.people.check();
        for a in &self.actions {
            if self.codes.get(&a.cameo).is_none() {
                out.push(format!("{}: unknown CAMEO code `{}`", a.origin, a.cameo));
            }
        }
        for a in &self.actions {
            if a.head.trim_end_matches('*').contains('*')
                || a.tail.as_deref().is_some_and(|t| t.contains('*'))
            {
                out.push(format!(
                    "{}: `*` is only allowed at the end of a pattern's head (use `…` for a gap)",
                    a.origin
                ));
            }
        }
        let mut seen: HashMap<(&str, &str, Option<&str>), &ActionEntry> = HashMap::new();
        for a in &self.actions {
            if let Some(prev) = seen.insert((&a.lang, &a.head, a.tail.as_deref()), a) {
                out.push(format!(
                    "{}: action pattern `{}` already defined at {}",
                    a.origin, a.pattern, prev.origin
                ));
            }
        }
        let mut names: HashMap<(String, String), &ActorEntry> = HashMap::new();
        for a in &self.actors {
            // matched after case folding: `State Department` and the role word `state department`
            // are one pattern
            let key = (a.lang.clone(), a.pattern.to_lowercase());
            if let Some(prev) = names.get(&key) {
                let same_person = matches!((&prev.kind, &a.kind), (ActorKind::Person(x), ActorKind::Person(y)) if x == y);
                if prev.kind != a.kind && !same_person {
                    out.push(format!(
                        "{}: `{}` ({}) also names {:?} at {}",
                        a.origin, a.pattern, a.lang, prev.kind, prev.origin
                    ));
                }
            } else {
                names.insert(key, a);
            }
        }
        for c in &self.context {
            if let ContextKind::Stance(code) | ContextKind::Speech(code) = &c.kind {
                if self.codes.get(code).is_none() {
                    out.push(format!("{}: unknown CAMEO code `{code}`", c.origin));
                }
            }
        }
        let mut ctx_seen: HashMap<(&str, &str), &ContextEntry> = HashMap::new();
        for c in &self.context {
            if let Some(prev) = ctx_seen.insert((&c.lang, &c.cue), c) {
                out.push(format!(
                    "{}: context cue `{}` already defined at {}",
                    c.origin, c.cue, prev.origin
                ));
            }
        }
        for k in &self.keywords {
            let base = k.domain.split(':').next().unwrap_or("");
            if !self.domains.is_empty() && !self.domains.contains_key(base) {
                out.push(format!(
                    "{}: unknown domain `{}` (see domains.tsv)",
                    k.origin, k.domain
                ));
            }
        }
        for lang in self.languages() {
            if !self
                .grammar
                .iter()
                .any(|g| g.lang == lang && g.kind == GrammarKind::Script)
            {
                out.push(format!(
                    "grammar/{lang}.tsv: no `script` line (cjk or alphabetic)"
                ));
            }
        }
        out
    }
}
