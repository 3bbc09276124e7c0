"""A yes that may have been a no, weighed against the audio.

Whisper base's own confidence in a short "Sí." says little: it is low for many real yeses (a
driver asked "¿sí o no?" three times, each "Sí." heard right and refused), and high for some noes
it hallucinated as yes ("No, no, no." → "Sí, sí" at 0.76). Forced alignment (CTranslate2's
`align`) scores any words against the audio, so the hearing asks the question directly: do plain
yes-words ("Sí.", "Sí, sí.", "Correcto.") fit the audio better than plain no-words?

- a yes whose no-twin ("That's right." / "That's wrong.") fits nearly as well is maybe a no:
  confidence capped at MAYBE_NO, so the core asks "¿sí o no?" (espeak-ng's "That's wrong." comes
  out of Whisper as "That's right." with no other hypothesis);
- no-words fitting clearly better (by more than a nat, or by half a nat when the words heard trail
  them too) → maybe a no too, unless the words heard fit far better than any no-word (a yes in
  other words: "You got it.");
- yes-words, or the words heard themselves, clearly better (by CLEAR_YES nats or more) → a sure
  yes, whatever the decoder's confidence;
- in between → the decoder's confidence stands.

Measured on 810 synthesized answers to read-backs (the evaluation's yes and no phrasings, 5 espeak-ng
variants and 4 Kokoro styles per language, clean and with cab noise), 534 yeses and 10 noes heard as
yes: at the core's usual yes threshold (0.5), 398 yeses confirm instead of 360 and no no instead of
one; at the threshold for a value heard clearly (0.3), 443 yeses instead of 459 and 3 noes instead
of 5. The words heard are scored as one more yes reading: of 702 read-back answers of the audio
evaluation (seeds 0 and 1), 408 were heard as yes; 317 yeses confirm at 0.5 instead of 289, and of
the 11 noes among them still none (each is capped by its twin or by the no-words first).
The alignment starts without the expected answer's prompt: with it, hallucinated yeses ("No,
no, no." → "Sí, sí") fit as well as real ones. One batched alignment of 7–9 readings (~50 ms on a yes
on this 2-core machine), 13–17 for a yes with a twin word in it (~100 ms).

A no is weighed the other way (weigh_no): the everyday yeses ("Eso.", "Ándale.", "Yeah.") against the
plain no-words and the words heard; one clearly ahead of both makes it a maybe (one alignment of 14
readings on a no, nothing on other answers).
"""

from __future__ import annotations

import re

from daisy.voice import vocabulary
from daisy.voice.hearing.alignment import TurnAudio, as_a_sentence
from daisy.voice.hearing.cleaning import fold_words

# The yes is contradicted by the audio: no confidence at all, below every yes threshold of the core
# (a yes heard with any other confidence is at least not contradicted: core.ladder.SURE_YES_WHEN_ASKED).
MAYBE_NO = 0.0
# The yes heard clearly over the no (the core's yes thresholds are 0.5 and less).
SURE = 0.9
# Log-probability (nats) by which the best plain yes-words must beat the best plain no-words to make
# a yes sure; on the set above no no passed at 2 (the closest came within 1.9).
CLEAR_YES = 2.0
# ...and by which the no-words may beat them before the yes is a maybe: some voices' "Sí." fits "No."
# a little better (Kokoro jf_nezumi, -0.2), the hallucinated "Sí, sí" and "Sí" by 1.1 and 3.7.
CLEAR_NO = 1.0
# By how much the no-twin may trail the yes heard and still make it a maybe. On 168 earlier answers the
# three noes heard as yes trailed by 2.2 ("That's wrong." → "That's right."), 4.6 ("Negative." →
# "Yes, correct.") and 5.3 ("Incorrecto." → "Into, correcto."). Made-up set 35 stored a plate on an
# espeak-ng "That's wrong." heard "That's right.", its twin 5.6 behind. Of 690 read-back answers of sets
# 15-35 heard as a yes with a twin (bare "Correct(o)." apart), the 152 noes passing the twin at 5.5 were
# 29, at 6.0 12; the 538 yeses asked "¿sí o no?" 25 and 45.
NO_MARGIN = 6.0
# ...but a twin word said alone ("Correct.", "Correcto.") has its twin as the only other reading, with
# no stray words to blur the alignment: on 774 synthesized read-back answers no no was ever heard as
# a bare "Correct(o)."; the true ones trailed by 2.4 at least (bare "Correct." 12 of 18 and
# "Correcto." 13 of 18 had cost a "¿sí o no?").
NO_MARGIN_BARE = 2.0
# No-words fitting better than every yes-word, by less than CLEAR_NO: the yes is not contradicted,
# but a yes the decoder itself was unsure of (under the core's usual 0.5) is then not enough for the
# lighter threshold of a value heard clearly (0.3); a yes to "¿sí o no?" still confirms. On 774
# synthesized read-back answers: "Negative." heard "Yeah, got him." at 0.32 (it would have confirmed
# a value heard clearly) and 3 yeses at 0.36–0.46 fall here; capping the surer ones too had cost 3
# yeses at 0.54–0.61 a "¿sí o no?" ("Sí, señorita.", six times on one audio evaluation run).
USUAL_YES = 0.5
LEANS_NO = 0.29
# A yes not contradicted, whose plain yes-words fit the audio better than the plain no-words (or
# which was heard as a plain yes-word itself, trailing them by less than PLAIN_CLOSE: some voices' "Sí."
# fits "No." a little better), is the usual yes, however unsure the decoder was of it, down to
# NOT_UNSURE. On 1,247 read-back answers of the audio evaluation (espeak-ng, Kokoro and Piper, seeds
# 0-2, clean and noisy), 669 yeses and 578 noes: yeses confirming at 0.5 581 → 620 ("Así es." at 0.48,
# "Ah, sí." at 0.39, "Sí." at 0.36, "Sí, correcto." at 0.19 for espeak-ng's "Eso es."), noes passing
# 0.3 still none. The noes the audio does not contradict come out at 0.07 ("Sí" for "Incorrecto.",
# yes-words ahead by 0.9) and 0.29 ("Yeah, got him." for "Negative.", behind by 0.4); hallucinated plain
# yeses trail their no-words by 1.3 nats or more.
NOT_UNSURE = 0.15
PLAIN_CLOSE = 0.5
# A yes said in other words ("You got it.", "De acuerdo.", "Okey.") may fit the plain yes-words worse
# than "No." by more than CLEAR_NO, because neither was said; when the words heard fit the audio
# better than every no-word by this much, they were said. On 431 synthesized read-back answers heard
# as yes (the evaluation's phrasings, every voice, clean and noisy), the closest no came within 1.7
# ("No, no, no." → "Sí, sí"); 21 of 90 yeses turned away before now confirm.
SAID_OTHERWISE = 3.0


# How near the no a yes sounds like (vocabulary.said_as_a_close_no) may come to the yes heard before the
# yes is a maybe. Said by 8-9 voices a language (espeak-ng, Kokoro, Piper; clean and noisy), 12 yeses
# and 12 noes in phrasings the evaluation's callers never use were answered to a read-back
# (benchmarks/read_back_answers.py): 30 of 216 English noes confirmed, 20 of them "Not right." and
# "Not quite." heard "That's right." at 0.9, 3 "Nah." heard "Yes.". "Not right." fit those from 5.9 nats
# better to 6.7 worse, every yes heard "That's right." 3.5 worse or more; "Nah." fit the noes heard
# "Yes." 0.6-2.2 worse, and 287 of the 288 yeses heard as a bare "Yes." in made-up sets 71-77 more
# than 3 worse (one 2.8: one more "¿sí o no?"). At 3 nats: "Not right." 10 → 0 confirmed, "Not
# quite." 10 → 4, "Nah." heard "Yes." 3 → 0; the yeses of both phrasings as before.
CLOSE_NO_NEAR = 3.0


_A_NO = re.compile(r"(?i)\b(?:no|not|nope)\b")
# One yes-word written three times or more ("Sí, sí, sí, sí."): the decoder looping on audio it could
# not read, not a yes it heard; unless the yes-words fit the audio clearly better than the no-words
# (CLEAR_YES: "Uh huh, yes." written "Yes. Yes. Yes." 51 times on made-up sets 62-76, each a sure yes),
# it leans no and gets "¿sí o no?". Two noes in the read-back phrasings the callers never use
# (benchmarks/read_back_answers.py: Kokoro's noisy "Está equivocado.", espeak-ng's noisy "Nel, no es.")
# came out so, plain "Sí." fitting them 0.8 and 1.3 nats better than "No.", and confirmed names said
# no to (at 0.5 and 0.46); of the callers' own yeses there, one now gets "¿sí o no?" (espeak-ng's noisy
# "Ajá, sí." heard "Sí. Sí. Sí."), the rest as before.
_LOOPED_YES_WORDS = frozenset({"si", "yes", "yeah"})  # as cleaning.fold_words writes them


def _looped_yes(text: str) -> bool:
    """One yes-word and nothing else, three times or more ("Sí, sí, sí, sí.", "Sí, si, sí")."""
    words = fold_words(text)
    return len(words) >= 3 and len(set(words)) == 1 and words[0] in _LOOPED_YES_WORDS


def torn_between(readings: list[str]) -> bool:
    """Another reading of the decoder's is a yes with a "no" after it ("Sí" and "Sí, no me de esto."
    for espeak-ng's "Incorrecto."): it was torn between a yes and a no, and the plain yes is not raised
    to the usual yes. On 365 read-back answers of two runs of made-up set 1 (espeak-ng and Kokoro, half
    noisy) re-heard, it changed that one answer (0.5 → 0.34: it had stored "top@hotmail.com" for
    tojeda@hotmail.com) and no yes."""
    return any(_A_NO.search(words) for words in readings)


def weigh_yes(turn: TurnAudio, text: str, lang: str, confidence: float, torn: bool = False) -> float:
    """The confidence of a yes heard as `text`, after the yes-words and no-words are scored on the audio.
    `torn`: the decoder's other readings put a no after the yes (`torn_between`)."""
    # The words heard are scored written as the yes- and no-words are, with a closing period: the
    # period alone costs several nats, so a bare "Sí" Whisper wrote for "Incorrecto." had beaten
    # "No." by 4.3 and passed as a sure yes (with it, by 0.9).
    text = text.rstrip()
    if text and text[-1] not in ".!?":
        text += "."
    if vocabulary.odd_lead(text, lang):
        # "Be correct." for Piper's "Incorrect.": the audio itself fits "Correct." 2.9 nats better than
        # "Incorrect.", so no scoring tells them apart; no yes is said that way
        return min(confidence, MAYBE_NO)
    twins = vocabulary.said_as_no(text, lang)
    close_noes = vocabulary.said_as_a_close_no(text, lang)
    yes_words, no_words = vocabulary.yes_and_no_words(lang, around_twins=bool(twins))
    readings = [*yes_words, *no_words, text, *twins, *close_noes]
    fits = turn.fits(readings)
    if close_noes:
        fits, close_no_fit = fits[: -len(close_noes)], max(fits[-len(close_noes) :])
    best_no = max(fits[len(yes_words) : len(yes_words) + len(no_words)])
    as_heard = fits[len(yes_words) + len(no_words)]
    best_twin = max(fits[len(yes_words) + len(no_words) + 1 :], default=None)
    if close_noes and close_no_fit > as_heard - CLOSE_NO_NEAR:
        return min(confidence, MAYBE_NO)  # "Not right." heard "That's right.", "Nah." heard "Yes."
    margin = max(fits[: len(yes_words)]) - best_no
    # Only words with no twin can be a yes of their own: "Have sin correct." is a "correct" like any
    # other, however well those very words fit.
    said_otherwise = as_heard - best_no >= SAID_OTHERWISE and not twins
    no_margin = NO_MARGIN_BARE if vocabulary.only_correct(text) else NO_MARGIN
    twin_close = best_twin is not None and best_twin > as_heard - no_margin
    # (the words heard trailing the no-words and the plain yes-words too, half a nat behind is enough:
    # espeak-ng's "No, no, no." heard "Sí, sí" at 0.74, the yes-words 0.8 behind "No." and "Sí, sí" 1.1,
    # had stored an ETA; a plain "Sí." heard as said, 0.7 behind, is no such reading)
    heard_behind = as_heard < min(best_no, best_no + margin) and margin <= -PLAIN_CLOSE
    if twin_close or ((margin < -CLEAR_NO or heard_behind) and not said_otherwise):
        return min(confidence, MAYBE_NO)
    if vocabulary.prompt_yes_phrase(text, lang) and as_heard - best_no <= -PROMPT_BEHIND:
        return min(confidence, LEANS_NO)  # the prompt's words, maybe, not the caller's
    leans_yes = margin > 0 or (text in yes_words and margin > -PLAIN_CLOSE)
    # ...but not a yes written with a "no" in it ("Sí, no me he hecho." for espeak-ng's "Incorrecto.",
    # its "Sí." only 0.6 nats ahead of it): unsure as the decoder was, it gets "¿sí o no?"
    with_a_no = bool(_A_NO.search(text)) or torn
    if not twins and confidence >= NOT_UNSURE and leans_yes and not with_a_no:
        confidence = max(confidence, USUAL_YES)  # not contradicted, and the audio leans to the yes
    if margin < 0 and not said_otherwise and confidence < USUAL_YES:
        confidence = min(confidence, LEANS_NO)
    # The words heard may be a yes of their own ("Ándale.", "De acuerdo."): over every no-word by as
    # much, they make it as sure.
    if max(margin, as_heard - best_no) >= CLEAR_YES:
        return max(confidence, SURE)
    if _looped_yes(text):
        return min(confidence, LEANS_NO)  # a loop, and the yes-words not clearly ahead: "¿sí o no?"
    return confidence



# A yes written as one of the prompt's yes-phrases ("Yes, correct.") that fits the audio far worse than
# a plain no-word may have come back from the prompt: espeak-ng's "Negative." so heard trailed
# "Negative." or "No." by 6.7-11 nats (twice it confirmed plates heard clearly, at 0.42 and 0.9: made-up
# sets 23 and 26). True yeses so heard trail by 6.6 at most ("Yup.", "Sí, correcto."), too near to tell
# them apart: such a yes leans no (under the 0.3 a value heard clearly needs), and gets "¿sí o no?".
# The bound was 5 nats until espeak-ng m1's "Negative." in cab noise, heard "Yes, correct." 4.7 behind
# "Negative." ("Yeah." 3.2 ahead of it, so it passed as a sure yes), confirmed a name ("Christine Apalel"
# for Cristina Powell, made-up set 75). At 2, re-heard, the 115 read-back answers of sets 71, 72, 74 and
# 75 heard as a prompt yes-phrase: that no and 8 of 85 yeses now get "¿sí o no?" (one more turn each:
# six "Sí, correcto." heard as said at 0.78, "Sí, son esas." and two "Eso es."); 29 noes stay as they were.
PROMPT_BEHIND = 2.0


# A no the decoder wrote as one of its prompt's no-phrases ("No, está mal.", "No, that's wrong.")
# when the caller said a yes the prompt lacks ("Ándale.", "Uh huh, yes."): the phrase fits that audio
# far worse than a plain yes-word, by 9–12 nats; on 101 true noes heard as a prompt phrase, by 7.4 at
# most. Such a no is contradicted by the audio: no confidence (the core asks "¿sí o no?").
NOT_SAID = 8.5


# A no of any words, when an everyday yes ("Eso.", "Ándale.", "Yeah.") fits the audio better than both
# the plain no-words and the words heard, by this many nats: Whisper base wrote "No. No." for Kokoro's
# noisy "Eso." (the yes ahead by 0.24, 1.0 and 1.2 on three recordings) and "No, está." for "Ándale."
# (1.7). Of 480 read-back answers heard as no (1,247 re-heard: espeak-ng, Kokoro and Piper, clean and
# noisy), 3 of those yeses and one true no (espeak-ng's "That's incorrect." heard "No, that's
# incorrect.", 0.7; the same audio three times) are over 0.2; the next true no is at 0.15. A no asked
# again costs one "¿sí o no?"; a yes taken for a no had cost the field (the same value heard again after
# a no is not read back).
YES_OVER_NO = 0.2


def weigh_no(turn: TurnAudio, text: str, lang: str, prompt: str, confidence: float) -> float:
    """The confidence of a no heard as `text`, after the yes-words are scored on the audio."""
    said = as_a_sentence(text)
    yes_words, _no_words = vocabulary.yes_and_no_words(lang)
    everyday, plain_no = vocabulary.everyday_yes_and_no(lang)
    fits = turn.fits([*yes_words, *everyday, *plain_no, said])
    as_heard = fits[-1]
    best_yes = max(fits[len(yes_words) : len(yes_words) + len(everyday)])
    best_no = max(fits[len(yes_words) + len(everyday) : -1])
    if best_yes - max(best_no, as_heard) >= YES_OVER_NO:
        return MAYBE_NO
    # only the prompt's longer phrases come back for what was not said
    prompt_phrase = len(said.split()) >= 2 and said.rstrip(".").lower() in prompt.lower()
    if prompt_phrase and max(fits[: len(yes_words)]) - as_heard >= NOT_SAID:
        return MAYBE_NO
    return confidence


# An answer to a read-back heard as neither yes nor no ("yapa" for "Yup.", "You taught it." for "You got
# it.", "Incometo." for "Incorrecto."): the everyday yes- and no-words are scored in its place, and one
# side is taken when its best words beat the other side's by NEITHER_CLEAR nats and trail the words
# heard by no more than NEITHER_NEAR. Otherwise it stays unclear (the core asks "¿sí o no?"). Of the
# 721 distinct read-back answers of made-up sets 8 and 9 re-heard (espeak-ng and Kokoro, clean and
# noisy), 24 were heard as neither: 7 of their 20 yeses are now yes (ahead by 2.6-5.3, trailing by 3.8
# at most) and 3 of their 4 noes no (ahead by 2.7); none went to the other side, the rest were within
# 1.8 either way.
NEITHER_CLEAR = 2.0
NEITHER_NEAR = 4.0
# A yes so found is no clear yes: below every yes threshold of a first read-back (core.ladder), it gets
# the one "¿sí o no?", and confirms only as the answer to it. espeak-ng m1's "Negative." in cab noise,
# heard "Agapim.", fit "Yeah." 3.0 nats better than "Negative." and had stored a name said no to
# (made-up set 74: the only no among the 91 read-back answers of sets 62-74 that came out a bare yes-word
# at the usual yes's confidence, these among them). Below core.ladder.SURE_YES_FOR_A_CLEAR_VALUE.
NEITHER_YES = 0.29


def weigh_neither(turn: TurnAudio, text: str, lang: str) -> tuple[str, float] | None:
    """The yes- or no-words an unclear answer to a read-back was, when the audio clearly says which: a
    no with the confidence of a usual one, a yes with one that asks "¿sí o no?" first; else None."""
    yes_words, no_words = vocabulary.yes_and_no_words(lang, around_twins=True)
    everyday_yes, plain_no = vocabulary.everyday_yes_and_no(lang)
    yeses = list(dict.fromkeys([*yes_words, *everyday_yes]))
    noes = list(dict.fromkeys([*no_words, *plain_no]))
    fits = turn.fits([*yeses, *noes, as_a_sentence(text)])
    as_heard = fits[-1]
    best_yes = max(range(len(yeses)), key=lambda k: fits[k])
    best_no = max(range(len(noes)), key=lambda k: fits[len(yeses) + k])
    yes_fit, no_fit = fits[best_yes], fits[len(yeses) + best_no]
    if yes_fit - no_fit >= NEITHER_CLEAR and yes_fit >= as_heard - NEITHER_NEAR:
        return yeses[best_yes], NEITHER_YES
    if no_fit - yes_fit >= NEITHER_CLEAR and no_fit >= as_heard - NEITHER_NEAR:
        return noes[best_no], USUAL_YES  # as sure as a usual yes: a no well over the core's bar for one
    return None
