"""US English (en-US): the words of every move a caller makes.

Patterns match folded text: lowercase, punctuation gone (apostrophes kept: "don't").
"""

from __future__ import annotations

import re

from daisy.understanding.moves import Intent, patterns

INTENTS: dict[Intent, re.Pattern[str]] = {
    Intent.HUMAN: patterns(
        # ("human" before a word it tells of is an adjective: "It's not human nature." is a name misheard,
        # not a request; "a human being", "human please" ask. "I'm a human." says what one is: Whisper's
        # invention for a name it could not make out, twice on made-up set 39, each call transferred.)
        r"(?<!i'm )(?<!i am )(?<!i'm a )(?<!i am a )(?<!i'm an )(?<!i am an )"
        r"(?:a |an )?(?:real |live )?(?:person|agent|representative|operator|dispatcher|someone"
        r"|human(?! (?!being|please|now|right|here|thanks|thank|agent)[a-z]))",
        r"talk to (?:somebody|someone)",
        r"speak (?:to|with) (?:somebody|someone)",
    ),
    Intent.REPEAT: patterns(
        r"repeat\w*",
        r"say (?:that|it) again",
        r"come again",
        r"pardon",
        r"^what$",
        r"^sorry$",
        r"^huh$",
        r"didn'?t (?:catch|hear|get) (?:that|it|you)",
        r"what was that",
        r"what did you say",
        r"one more time",
        r"can'?t hear",
        r"slower",
    ),
    Intent.DONT_KNOW: patterns(
        r"(?:i )?don'?t know",
        r"(?:i )?(?:don'?t|can'?t) remember",
        r"no idea",
        r"not sure",
        r"(?:i )?don'?t have (?:it|one|that|an? \w+)",
        r"dunno",
        r"(?:i )?don'?t (?:use|have) (?:an? )?(?:email|e mail|trailer)",
        r"can'?t recall",
    ),
    Intent.WAIT: patterns(
        r"hold on",
        r"wait",
        r"let me (?:grab|find|get|pull|dig|look|check|see)\b.*",
        r"(?:i'?m |im )?(?:looking|searching|digging) for",
        r"(?:i )?(?:gotta|got to|have to|need to) (?:pull over|find|grab|get|check|look)\b.*",
        r"pulling over",
        r"one (?:moment|sec|second|minute)",
        r"just a (?:moment|sec|second|minute)",
        r"give me a (?:sec|second|moment|minute)",
        r"hang on",
        r"let me (?:check|see|look)",
    ),
    Intent.CALLBACK: patterns(
        r"call (?:me )?back\b.*",
        r"call me (?:later|in|at|tomorrow|around|after)\b.*",
        r"(?:can|could) you call\b.*",
        r"try (?:me )?(?:again|later)\b.*",
    ),
    Intent.LATER: patterns(r"later", r"tomorrow", r"another time"),
    Intent.EMAIL: patterns(
        r"(?:by|via|through|an|in an) e ?mail",
        r"(?:send|email) me (?:an )?(?:email|it)",
        r"e ?mail (?:it|them|that|me)",
        r"e ?mail (?:instead|is better)",
    ),
    Intent.WHATSAPP: patterns(r"whats ?app", r"wats ?app"),
    Intent.REFUSE: patterns(
        r"not interested",
        r"no thanks",
        r"no thank you",
        r"leave me alone",
        r"don'?t call",
        r"stop calling",
        r"i won'?t",
        r"i don'?t want",
    ),
    Intent.BUSY: patterns(
        r"(?:i )?can'?t (?:talk|right now|now)",
        r"(?:i'?m|i am) (?:driving|busy|working)",
        r"bad time",
        r"not (?:a good time|now|right now)",
    ),
    Intent.WHO: patterns(
        r"who'?s (?:calling|this|that|speaking|on the line)",
        r"who (?:is this|are you|is calling|'?s this|"
        r"is that)", r"what company", r"where are you calling from",
        r"which company", r"who do you (?:work for|represent)", r"who are you with", r"what outfit",
    ),
    Intent.NUMBER_SOURCE: patterns(
        r"who gave you (?:my|this) (?:number|phone|cell|contact)",
        r"(?:where|how) did you get (?:my|this) (?:number|phone|cell|contact)",
        r"(?:where|how)'?d you get (?:my|this) (?:number|phone|cell|contact)",
        r"how do you (?:have|know) (?:my|this) (?:number|phone)",
    ),
    Intent.TOPIC: patterns(
        r"is (?:this|it|that) (?:about|for|regarding) (?:the|a|an|my) (?:invoice|bill|payment|debt|"
        r"fine|ticket|"
        r"loan|package|delivery|card|bank|balance|collection|warranty|insurance)\w*",
        r"are you (?:selling|collecting)\w*",
        r"is this a (?:sales|survey|collection)\w*",
    ),
    Intent.WHY: patterns(
        r"why (?:are you|do you) (?:calling|need|ask)\w*",
        r"what (?:is this|'?s this|is it) (?:about|for)",
        r"what do you want",
    ),
    Intent.ROBOT: patterns(
        r"are you (?:a |an )?(?:real |actual )?(?:robot|bot|machine|real|human|ai|a i|person|"
        r"computer|recording|"
        r"automated|artificial|live)",
        r"is this (?:a |an )?(?:real )?(?:robot|recording|machine|bot|computer|person|human|ai|automated)",
        r"am i (?:talking|speaking) (?:to|with) (?:a |an )?(?:real |actual |live )?(?:robot|bot|"
        r"machine|person|"
        r"human|computer|ai|recording)",
        r"(?:human|person) or (?:a |an )?(?:machine|robot|bot|computer|ai)",
        r"(?:machine|robot|bot|computer|ai) or (?:a |an )?(?:human|person)",
        r"you a (?:robot|bot|machine|real person)",
    ),
    Intent.IMPATIENT: patterns(
        r"hurry(?: up)?", r"how (?:much|many) (?:longer|more)", r"taking (?:so|too) long", r"i have to go"
    ),
    Intent.INSULT: patterns(
        r"stupid", r"idiot\w*", r"dumb", r"shut up", r"fuck\w*", r"useless", r"moron", r"damn", r"crap"
    ),
    Intent.SAME_NUMBER: patterns(
        r"(?:this|that|the) same (?:number|one)",
        r"(?:this|that) (?:number|one)",
        r"the (?:number|one) (?:you'?re|you are) calling",
        r"same one",
    ),
    Intent.VOICEMAIL: patterns(
        r"leave (?:a|your|me a) message",
        r"after the (?:tone|beep)",
        r"voice ?mail",
        r"mailbox",
        r"(?:is )?not available",
        r"can'?t (?:come to the phone|take your call)",
        r"record your message",
        r"the number you (?:have )?dialed",
        r"(?:is )?not in service",
        r"has been disconnected",
    ),
    Intent.GREETING: patterns(r"hello", r"hi", r"hey", r"yes hello", r"good (?:morning|afternoon|evening)"),
    Intent.ALREADY_GAVE: patterns(r"i (?:already )?(?:told|gave) you", r"already (?:said|told|gave)"),
    Intent.DONE: patterns(
        r"that'?s (?:it|all|everything|the whole thing)",
        r"that'?s all of it",
        r"nothing else",
        r"that is (?:it|all)",
        r"nothing (?:else|more)",
        r"done",
        r"the end",
    ),
    Intent.NO: patterns(
        r"no+",
        r"nope",
        r"nuh uh",
        r"no way",
        r"not even close",
        r"(?:that )?ain'?t (?:it|right)",
        r"no (?:sir|ma'?am)",
        r"not it",
        r"uh uh",
        r"nah",
        r"wrong",
        r"incorrect",
        r"not (?:right|correct|quite)",
        r"negative",
        r"that'?s not",
        r"it'?s not",
        r"not really",
    ),
    Intent.YES: patterns(
        r"yes+",
        r"yeah",
        r"yessir",
        r"yes+u?m",
        r"yes+ (?:sir|ma'?am)",
        r"roger(?: that)?",
        r"copy(?: that)?",
        r"affirm",
        r"sure (?:thing|is|does)",
        r"you betcha",
        r"darn right",
        r"damn right",
        r"for sure",
        r"(?:dead|bang) on",
        r"on the (?:nose|money|dot)",
        r"nailed it",
        r"that (?:works|will (?:work|do))",
        r"that'?ll (?:work|do)",
        r"sounds about right",
        r"correctamundo",
        r"yep+",
        r"yup+",
        r"yep",
        r"yup",
        r"ya",
        r"correct",
        r"right",
        r"that'?s right",
        r"sure",
        r"ok",
        r"okay",
        r"exactly",
        r"uh huh",
        r"mhm",
        r"mm+ hm+",
        r"affirmative",
        r"absolutely",
        r"go ahead",
        r"sounds good",
        r"perfect",
        r"that'?s it",
        r"that'?s correct",
        r"of course",
        r"alright",
        r"all right",
        r"fine",
        r"yes ma'?am",
        r"(?:you )?got it",
        r"you bet",
        r"spot on",
        r"bingo",
        r"definitely",
        r"certainly",
        r"indeed",
        r"yes sir",
        r"sounds (?:right|correct)",
        r"that'?s (?:the one|good|fine|perfect)",
        r"all good",
        r"looks good",
        r"right on",
        r"you'?re right",
        r"uh-huh",
        r"go for it",
        r"i can",
        r"si",
    ),
}

# "That's all" as callers say it, to recognize it bent by the recognizer ("Let's all.").
DONE_SAID = ("thats all", "thats it", "thats everything", "thats the whole thing", "nothing else", "all done")
DONE_LAST: tuple[str, ...] = ()  # "all", "it": too short to recognize bent
# Letters whose names are words said around a closing ("a", "eh", "oh"): one of them alone before a
# bent closing is part of it, not a letter of the value.
JOINING_LETTERS = frozenset("AEO")
WEAK_YES: frozenset[str] = frozenset()  # English has no yes made only of weak words
AMBIGUOUS_ALONE = frozenset({"so", "well", "ye", "yay"})
ROOTS = {
    Intent.YES: frozenset({"yes", "yeah", "yep", "yup", "sure", "right", "correct", "ok", "okay", "roger",
                           "affirmative"}),
    Intent.NO: frozenset({"no", "nope", "nah", "negative", "wrong"}),
}
NOT_A_TAG = re.compile(r"\d|\b(?:letter|its|is|the|as|a|an|and|but|more|other|change|of)\b")
COURTESY = frozenset({
    "buddy", "man", "sir", "maam", "boss", "yes", "thanks", "lady", "miss", "darling", "hon", "my", "friend",
    "pal", "mister", "mom",  # (Whisper writes a "ma'am" on the line as "mom")
})
# Words that may stand beside a yes and say nothing more ("Yes, those are right.", "Oh, yes."): a yes
# to a read-back with other words beside it ("Yeah, good team." for espeak-ng's "Negative.") is no
# plain yes (intents.plain_yes).
YES_COMPANIONS = frozenset({
    "i", "im", "you", "it", "its", "is", "are", "was", "be", "those", "these", "that", "thats", "this",
    "the", "a", "an", "do", "does", "did", "oh", "or", "and", "then", "so", "my", "me", "we", "they",
    "them", "him", "her", "he", "she", "can", "will", "all", "one", "ones",
    # what was read back, named ("Yes, that's my email."), and thanks ("Correct, thank you very much.")
    "name", "email", "address", "plate", "plates", "number", "time", "thank", "please", "lot", "very",
    "much",
    # a known value offered back ("Still tractor 4512?" — "Yes, same one.", "Yep, still the same.")
    "same", "still", "speaking",
})
ASKS_FOR_PERSON = re.compile(
    r"\b(?:transfer\w*|put me (?:through|on)|connect me|let me (?:talk|speak)|get me|give me|"
    r"(?:can|could|may) i (?:talk|speak|get|have)|i (?:want|need|'d like|would like) to (?:talk|speak))\b"
)
# A "no" and then the read-back said right ("No, that's correct."): the recognizer puts a "No," in
# front of a yes, so it is neither.
NO_THEN_YES = re.compile(r"^\W*(?:no|nope)\W+(?:(?:that'?s|that is|it'?s|it is)\s+)?(?:correct|right)\W*$")
# What a driver says while listening ("uh-huh", "mhm", "yeah, yeah"): said over Daisy's read-back it
# is no answer yet (the caller has not heard the question), only at its end. Not a bare "yes": a
# stretch heard again by a decoder primed for a yes comes out "Yes." whatever the short word was
# ("Hey.", "John."); a "yes" heard as said is weighed as a yes (daisy.voice.backchannel).
BACKCHANNEL = re.compile(r"^(?:(?:uh[ -]?huh|mhm+|mm+[ -]?hm+|hm+|yeah|yep|yup|ok|okay|right|sure|"
                         r"aha|got it)\s*)+$")
# Asked when to be called back, the caller says they can talk now after all (folded words)
CAN_TALK_NOW = re.compile(r"\b(?:i can (?:talk|do it)|i (?:have|got) (?:a minute|time|a sec\w*)|go ahead|"
                          r"shoot|fire away|now is (?:fine|good)|right now)\b")
HOLD_REASON = re.compile(
    r"\b(?:let me|looking|grab|find|pull over|pulling|glove ?box|paperwork|registration|card|truck|cab|"
    r"phone|papers|gotta|have to|need to)\b"
)
