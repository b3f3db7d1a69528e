//! The entries each dictionary file loads into: actors, action and modality cues, grammar words,
//! date expressions, keywords and context words.

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
    /// A threat stated as a future consequence (will respond, 予以回应, ответит): under a
    /// condition anywhere in its sentence (if…, 如果…, 否则) it is a hypothetical; an explicit
    /// threat (threatened, 威胁, пригрозил) stays an act made.
    pub future: bool,
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
    /// A condition ("if", 如果, если): the act is hypothetical, and so is a threat, which a
    /// future tense alone leaves factual (Russia will respond: a threat made).
    Condition,
    /// A future tense (will, 将, будет): hypothetical, like `Hypothetical`, but no plan for a
    /// measure its side announces in the first person (`FirstPerson`).
    Future,
    /// A side speaking in the first person (we, 我们, мы): a one-sided measure it says it will
    /// take, with nothing but a future tense between (we will expel, 我们将驱逐), is announced.
    FirstPerson,
    /// A word that holds a modality cue and is none (模拟 holds 拟, 将军 holds 将): read whole,
    /// it flags nothing.
    Word,
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
    /// A one-character abbreviation that stands for its state only inside a listed compound
    /// (亚 in 亚阿, 阿 in 阿亚), never before or after a licensing word (阿政府 is another 阿).
    CompoundOnly,
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
    /// A preposition that makes the meeting noun after it the setting of another act (statements
    /// made at a summit in Hiroshima, on the sidelines of the summit, на полях саммита): the
    /// meeting is where, not what, the sentence reports.
    Setting,
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
    /// A noun of a document with the word that joins it to a date (statement of, plan of, указ
    /// от): the date after it names the document (the joint statement of September 19th, 2005);
    /// it dates nothing and carries to nothing.
    DatedNoun,
    /// A word that opens a reported clause (that, что, на то, что): between a hope and the state
    /// it names it is no distance (hopes that the U.S. will…).
    Complementiser,
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
    /// Characters that open a Chinese, Korean or Vietnamese personal name (family names: 王, 金,
    /// 尹; `cue` a run of them): a short run of characters after a title that opens with one is
    /// a name the document introduces (日本驻华大使垂秀夫; coder/names.rs).
    Surname,
    /// The ending of a participle or of an adjective that opens a phrase set off by commas
    /// (ru: граждане, содержавшиеся в Иране, освобождены; Лавров, выступающий в Женеве, …): the
    /// phrase is an aside, and its commas do not end the clause around it.
    Participle,
    /// The ending of a short passive participle (ru: введены, подписан): an actor right after
    /// one whose last word ends in an [`GrammarKind::Instrumental`] ending is the passive's agent
    /// (Санкции были введены Вашингтоном).
    ShortPassive,
    /// The ending of a deverbal noun (ru: введение, объявлением, высылка): an actor right after
    /// one whose last word ends in an [`GrammarKind::Instrumental`] ending is the agent of the act
    /// it names (введение Евросоюзом санкций, объявлением Россией … персоной нон грата).
    Nominalization,
    /// A word of reciprocity (对方, 互相, each other, друг друга) at a one-sided act whose subject
    /// names a partner before it: each party acts on the other (巴基斯坦和印度分别宣布驱逐对方一名
    /// 外交官).
    Reciprocal,
    /// A case ending of the instrumental (ru: -ом, -ой, -ами), the case of a passive's agent.
    Instrumental,
    /// A word read whole that holds a shorter cue but is another word (说法, a claim, holds the
    /// reporting verb 说): the longest match wins, so its parts are not read; it stands for
    /// nothing itself.
    Word,
    /// Marks where an act comes from (from, 出, из): after an agentless passive of a measure
    /// (diplomats were expelled from Russia, 被驱逐出俄罗斯), the party it marks took it.
    From,
    /// Names the parties of a two-sided act after it (a call between Biden and Xi, talks
    /// between Russia and Ukraine, переговоры между Россией и Украиной): they, not the
    /// sentence's subject (Turkey hosted talks between…), are the act's parties.
    Between,
    /// Opens a reference to two parties whose noun comes a few words later (the two former
    /// Soviet states, 这两个亚洲核武大国); value `definite` (the, these, 这): the words
    /// between may name a state (Soviet), which then only describes the two.
    PairOpen,
    /// The noun that closes such a reference (states, neighbours, 国家, 宿敌, страны).
    PairHead,
    /// A short form that names no state alone but one of the document's own (巴方, 阿方: value
    /// the first character of the names it may stand for): the document's party whose name
    /// opens with it, when only one of its parties does (巴基斯坦 in a story on Pakistan).
    PartyShort,
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
    /// A weekday named bare, without a word before it (agreed Friday, said Tuesday: wire copy
    /// drops the `on`): dated as `Weekday`, but it dates its own act only and never becomes
    /// the running date.
    DayName,
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
    /// A numeral character and its value (十四日, 二〇二三年: 一 1, 十 10, 〇 0); read only right
    /// before a year, month or day mark.
    Numeral(u8),
    /// After a numeral and its day mark, a word that makes it a count of days, not a date
    /// (三日内, 十日后); before the numeral, such a word (数十日, 第三日).
    CountAfter,
    CountBefore,
    /// A name that holds a date word (the Good Friday Agreement, Black Friday): read whole so
    /// that its weekday or month dates nothing.
    NotDate,
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
    /// A word of condition (if, 如果, 否则, если, иначе): a threat stated in a sentence with one
    /// is conditional, a hypothetical (`value` `-`).
    Condition,
    /// A word that makes what a statement is about a kind of thing rather than a party's act
    /// (一切形式的, all forms of, во всех формах): a statement with one that names no other party
    /// is about no one (`value` `-`).
    Generic,
    /// A word right after two parties joined by and/with that makes them speak together (沙特和伊朗均
    /// 表示, 两国都…): both are the statement's source, neither its target.
    Jointly,
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

/// A state that ceased to exist and the state that continues it (`actors/successions.tsv`):
/// an event dated after `until` that names `code` names `successor` instead.
#[derive(Debug, Clone, PartialEq)]
pub struct Succession {
    pub code: String,
    /// The last day the state existed.
    pub until: dyad_model::EventDate,
    pub successor: String,
    pub origin: String,
}
