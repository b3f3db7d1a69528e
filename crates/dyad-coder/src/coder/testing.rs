//! Helpers for the stages' unit tests: the coder over the built-in dictionaries, and sentences
//! read as the stages read them.

use super::*;
use std::sync::OnceLock;

/// The coder over the built-in dictionaries, built once.
pub(super) fn coder() -> &'static Coder {
    static CODER: OnceLock<Coder> = OnceLock::new();
    CODER.get_or_init(|| Coder::new(&Dictionaries::builtin().unwrap()).unwrap())
}

pub(super) fn day(s: &str) -> EventDate {
    s.parse().unwrap()
}

/// Runs `f` on `text` of `lang` folded, matched and tokenised as [`Coder::code`] does.
pub(super) fn with_sentence<R>(
    lang: Lang,
    text: &str,
    f: impl FnOnce(&'static Coder, &Sentence) -> R,
) -> R {
    let coder = coder();
    let m = &coder.langs[lang.as_str()];
    let folded = m.analyzer.fold(text);
    let chars = CharIdx::new(&folded, text);
    let items = coder.matches(m, &folded, &chars, None, None);
    let toks = coder.tokens(m, &folded, &chars, items, None);
    let s = Sentence::new(m, &folded, &chars, &toks);
    f(coder, &s)
}

/// The codes of the phrases `ps` (at no date), in order.
pub(super) fn codes(coder: &Coder, ps: &[Phrase]) -> Vec<String> {
    let mut out = Vec::new();
    for p in ps {
        coder.codes_of(p, None, |c| out.push(c.to_string()));
    }
    out
}

/// The codes of parties, in order.
pub(super) fn party_codes(ps: &[Party]) -> Vec<&str> {
    ps.iter().map(|p| p.actor.code.as_str()).collect()
}

/// The act cue of rank `n` among `acts`.
pub(super) fn cue<'a>(coder: &'a Coder, s: &Sentence<'a>, acts: &ActCues, n: usize) -> Cue<'a> {
    let k = acts.action_idx[n];
    let Tok::Action(item) = &s.toks[k] else {
        panic!("token {k} is no cue")
    };
    let Entry::Action(ai) = item.entry else {
        panic!("token {k} is no act cue")
    };
    Cue {
        n,
        k,
        item,
        action: &coder.dict.actions[ai],
    }
}

/// The stages before the cue loop: the sentence's base date, its act cues and its dating.
pub(super) fn prepare<'a>(
    coder: &Coder,
    s: &Sentence<'a>,
    ctx: &DateContext,
) -> (Option<EventDate>, ActCues, Dating<'a>) {
    let SentenceDates { mut dates, base } = coder.resolve_dates(s, ctx);
    let acts = coder.act_cues(s);
    let reports = Reports::of(s.toks, &acts.action_idx);
    let report_date = reports.mark_dates(s.folded, &mut dates, ctx);
    let dating = Dating {
        own_dates: own_dates(&dates, &report_date),
        opens: s.opens_with_connective(),
        dates,
        report_date,
        reports,
    };
    (base, acts, dating)
}

/// The sides of the first act cue of a sentence (nothing left by earlier cues).
pub(super) fn first_sides<'a>(
    coder: &'a Coder,
    s: &Sentence<'a>,
    ctx: &DateContext,
) -> (Cue<'a>, Sides) {
    let (base, acts, _) = prepare(coder, s, ctx);
    let c = cue(coder, s, &acts, 0);
    let mut sides = coder.read_sides(s, &acts, &c, &[], base.as_ref());
    coder.borrow_subject(s, &acts, &c, &mut sides, &mut CueMemory::default());
    (c, sides)
}

/// An event of `cameo` between `source` and `target` on 1 March 2021, for the post-passes.
pub(super) fn event(cameo: &str, source: &str, target: &str) -> CodedEvent {
    let actor = |code: &str| ActorRef {
        code: code.to_string(),
        role: String::new(),
        person: None,
        position: None,
        text: None,
    };
    CodedEvent {
        date: day("2021-03-01"),
        source: actor(source),
        target: actor(target),
        cameo: cameo.to_string(),
        quad_class: 1,
        goldstein: 0.0,
        plover: String::new(),
        plover_mode: String::new(),
        negated: false,
        hypothetical: false,
        domains: Vec::new(),
        span: (0, 1),
        explain: String::new(),
    }
}
