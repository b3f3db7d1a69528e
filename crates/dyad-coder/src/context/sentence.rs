//! The pass over one sentence: what it changes in the memory (speaker, subject, quotation, dates,
//! last agreement) and the events it adds, with the justification of a measure, a restated
//! agreement, and the builders of an added event.

use super::spans::first_speech;
use super::{DocSentence, Name, Pass, Remembered, Word, MEMORY, ONE_SIDED, OPENING};
use crate::coder::{CodedEvent, Coder, SentenceFacts};
use crate::dict::{ContextKind, QuoteKind};
use dyad_model::{ActorRef, EventDate, Precision};

impl Pass<'_> {
    pub(super) fn sentence(
        &mut self,
        i: usize,
        s: &DocSentence,
        events: &[CodedEvent],
        f: &SentenceFacts<'_>,
    ) -> Vec<CodedEvent> {
        let dict = self.coder.dictionaries();
        let mut words: Vec<Word> = f
            .words
            .iter()
            .map(|&(w, span)| Word {
                kind: &dict.context[w].kind,
                span,
                origin: &dict.context[w].origin,
            })
            .collect();
        // a pronoun-like noun (声明, the statement, заявление) inside a reporting verb (发表声明,
        // в заявлении говорится) or right after an actor that owns it (中俄联合声明, 美方声明) is
        // no pronoun: the speaker is named
        words.retain(|w| {
            !matches!(w.kind, ContextKind::Pronoun(_))
                || !(f.reports.iter().any(|r| r.0 <= w.span.0 && w.span.1 <= r.1)
                    || f.actors.iter().any(|m| m.span.1 == w.span.0))
        });
        words.sort_by_key(|w| w.span);
        // forget what is too far back
        for r in [&mut self.speaker, &mut self.subject] {
            if r.as_ref().is_some_and(|x| i > x.at + MEMORY) {
                *r = None;
            }
        }
        // a byline heading (Statement by President …, Заявление МИД России, 外交部声明, with no
        // closing punctuation): the state it names speaks the first-person sentences after it
        let heading = !s
            .text
            .trim_end()
            .ends_with(['.', '。', '!', '！', '?', '？', '"', '”', '»', '」']);
        if heading && words.iter().any(|w| *w.kind == ContextKind::Byline) {
            if let Some(m) = f.actors.first() {
                let name: String = s
                    .text
                    .chars()
                    .skip(m.span.0)
                    .take(m.span.1 - m.span.0)
                    .collect();
                self.voice = Some(Remembered {
                    code: m.code.to_string(),
                    at: i,
                    name: Name::Text(name),
                    assumed: false,
                });
                self.speaker = None;
                self.subject = None;
                return Vec::new();
            }
        }
        self.speaker_before.clone_from(&self.speaker);
        let quoted_before = self.in_quote;
        for w in &words {
            if let ContextKind::Quote(q) = w.kind {
                self.in_quote = match q {
                    QuoteKind::Open => true,
                    QuoteKind::Close => false,
                    QuoteKind::Both => !self.in_quote,
                };
            }
        }
        let date = f
            .report_date
            .or(f.date)
            .or(f.running)
            .or(self.published)
            .or(self.last_date);
        let date_why = if f.report_date.is_some() || f.date.is_some() {
            "date of the sentence"
        } else if f.running.is_some() {
            "running date of the paragraph"
        } else if self.published.is_some() {
            "the day the document tells of (its dateline or lede, else its date)"
        } else {
            "last date of the document"
        };
        let mut added = Vec::new();
        // a statement is dated by its report, else by a date that opens the sentence before any
        // reporting or speech verb (В декабре 2018 года США выдвинули…, по мнению Вашингтона…; not
        // the March 4 attack in "denounced the March 4 attack"), else it was
        // made when the document says
        let first_report = first_speech(f, &words);
        let opening = f.date.filter(|_| {
            f.date_at
                .is_some_and(|a| first_report.is_none_or(|r| a < r))
        });
        let said = f.report_date.or(opening).or(self.published).or(date);
        let said_why = if f.report_date.is_some() {
            "date of the report"
        } else if opening.is_some() {
            "date of the sentence, before its reporting verb"
        } else if self.published.is_some() {
            "the day the document tells of (its dateline or lede, else its date)"
        } else {
            date_why
        };
        if let Some(said) = said {
            self.statements(
                i,
                s,
                events,
                f,
                &words,
                quoted_before,
                said,
                said_why,
                &mut added,
            );
        }
        if let Some(date) = date {
            self.acts(i, events, f, &words, date, date_why, &mut added);
        }
        self.justification(events, &words, &mut added);
        if added.is_empty() && events.iter().all(|e| e.negated || e.hypothetical) {
            self.restated_agreement(i, f, &words, &mut added);
        }
        // remember
        if let Some(e) = events.iter().chain(added.iter()).find(|e| {
            !e.negated
                && !e.hypothetical
                && (e.cameo.starts_with("057") || e.cameo.starts_with("03"))
        }) {
            self.agreed = Some((e.source.code.clone(), e.target.code.clone(), e.date, i));
        }
        if let Some(e) = events.iter().chain(added.iter()).find(|e| {
            !e.negated
                && !e.hypothetical
                && Coder::is_force(&e.cameo)
                && self.parties.is_main(&e.source.code)
        }) {
            self.forced = Some(e.source.code.clone());
        }
        if let Some(d) = f.date {
            self.last_date = Some(d);
        }
        // 川普20日宣布…。……他22日与拉夫罗夫讨论: a later day of the story, in the week before
        // publication, is the day the rest of the document tells of
        {
            for d in [f.report_date, f.date].into_iter().flatten() {
                let later = self
                    .published
                    .is_some_and(|p| p.precision() == Precision::Day && d.ordinal() > p.ordinal());
                let in_week = self.issued.is_some_and(|p| {
                    p.precision() == Precision::Day
                        && d.ordinal() < p.ordinal()
                        && p.ordinal() - d.ordinal() <= 7
                });
                if d.precision() == Precision::Day && later && in_week {
                    self.published = Some(d);
                }
            }
        }
        if let Some(m) = f.actors.first() {
            match &mut self.subject {
                Some(r) => {
                    if r.code != m.code {
                        r.code.clear();
                        r.code.push_str(m.code);
                    }
                    r.at = i;
                    r.name = Name::Span(m.span.0, m.span.1);
                }
                None => {
                    self.subject = Some(Remembered {
                        code: m.code.to_string(),
                        at: i,
                        name: Name::Span(m.span.0, m.span.1),
                        assumed: false,
                    })
                }
            }
        }
        added
    }

    /// A one-sided measure given a reason that judges its target (退出条约，理由是俄方违约;
    /// withdrew, citing Russian violations; под предлогом нарушений) also accuses the target
    /// (112), on the measure's date: a reason word, then a word of criticism after it.
    pub(super) fn justification(
        &self,
        events: &[CodedEvent],
        words: &[Word],
        out: &mut Vec<CodedEvent>,
    ) {
        let Some(reason) = words.iter().find(|w| *w.kind == ContextKind::Reason) else {
            return;
        };
        // after the reason word (理由是俄方违约, citing violations), or just before a closing one
        // (以俄罗斯违约为由)
        let judged = words.iter().find(|w| {
            (w.span.0 >= reason.span.0 || w.span.1 + 12 >= reason.span.0)
                && matches!(&w.kind, ContextKind::Stance(c) | ContextKind::Speech(c) if c.starts_with("11"))
        });
        let Some(judged) = judged else { return };
        let measure = events.iter().chain(out.iter()).find(|e| {
            !e.negated && !e.hypothetical && ONE_SIDED.iter().any(|r| e.cameo.starts_with(r))
        });
        let Some(m) = measure.cloned() else { return };
        let accused = events.iter().chain(out.iter()).any(|e| {
            e.source.code == m.source.code
                && e.target.code == m.target.code
                && e.cameo.starts_with("11")
        });
        if accused {
            return;
        }
        let explain = vec![
            format!(
                "context: the reason ({}) given for the measure {} judges its target ({}) → 112",
                reason.origin, m.cameo, judged.origin
            ),
            format!("source {}: the measure's subject", m.source.code),
            format!("target {}: the measure's target", m.target.code),
            "date: the measure's date".to_string(),
        ];
        if let Some(ev) = self.event(
            &m.source.code,
            &m.target.code,
            "112",
            m.date,
            (false, false),
            reason.span,
            explain,
        ) {
            out.push(ev);
        }
    }

    /// A sentence that opens with the name of an agreement (the treaty will cut…, 按照该协议两国将…,
    /// Новое соглашение сократит…) states its terms: it repeats the document's last agreement,
    /// with its parties and date, as long as that agreement was reported at most a few sentences
    /// before.
    pub(super) fn restated_agreement(
        &self,
        i: usize,
        f: &SentenceFacts<'_>,
        words: &[Word],
        out: &mut Vec<CodedEvent>,
    ) {
        let Some((a, b, date, at)) = &self.agreed else {
            return;
        };
        if i > at + 2 * MEMORY {
            return;
        }
        // …after a reporting verb (他在声明中说："这项条约将…") the name is what was said, no opening
        let said_before = |at: usize| first_speech(f, words).is_some_and(|r| r < at);
        let opens = words.iter().any(|w| {
            *w.kind == ContextKind::Agreement && w.span.0 <= OPENING && !said_before(w.span.0)
        });
        let negated_or_modal = f.cues.iter().any(|c| c.negated);
        // 条约须获两国议会批准, the treaty expired: its standing, not its terms
        let standing = words.iter().any(|w| *w.kind == ContextKind::Standing);
        if !opens || negated_or_modal || standing {
            return;
        }
        let why = |x: &str| {
            format!(
                "{x}: a party of the agreement reported in sentence {}",
                at + 1
            )
        };
        for (s, t) in [(a, b), (b, a)] {
            if let Some(ev) = self.event(
                s,
                t,
                "057",
                *date,
                (false, false),
                (0, 0),
                vec![
                    "context: the sentence opens with an agreement's name and states its terms → 057"
                        .into(),
                    format!("source {}", why(s)),
                    format!("target {}", why(t)),
                    "date: the agreement's".into(),
                ],
            ) {
                out.push(ev);
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn event(
        &self,
        source: &str,
        target: &str,
        code: &str,
        date: EventDate,
        (negated, hypothetical): (bool, bool),
        span: (usize, usize),
        explain: Vec<String>,
    ) -> Option<CodedEvent> {
        self.event_explained(
            source,
            target,
            code,
            date,
            (negated, hypothetical),
            span,
            explain.join("; "),
        )
    }

    /// [`Pass::event`] with its explain trace already joined.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn event_explained(
        &self,
        source: &str,
        target: &str,
        code: &str,
        date: EventDate,
        (negated, hypothetical): (bool, bool),
        span: (usize, usize),
        explain: String,
    ) -> Option<CodedEvent> {
        if source == target {
            return None;
        }
        let row = self.coder.dictionaries().codes.get(code)?;
        Some(CodedEvent {
            date,
            source: ActorRef {
                code: source.to_string(),
                ..Default::default()
            },
            target: ActorRef {
                code: target.to_string(),
                ..Default::default()
            },
            cameo: code.to_string(),
            quad_class: row.quad_class,
            goldstein: row.goldstein,
            plover: row.plover.clone(),
            plover_mode: row.plover_mode.clone(),
            negated,
            hypothetical,
            domains: Vec::new(),
            span,
            explain,
        })
    }
}
