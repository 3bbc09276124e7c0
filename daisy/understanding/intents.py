"""What a caller's words mean for the conversation (yes, no, repeat, a human, call me later…).

Deterministic keyword rules per language over folded text (lowercase, no accents, no punctuation).
Values (numbers, plates, times…) are read by the value parsers; this module only says *what kind
of move* the caller made. Several intents may hold at once ("no, llámame más tarde").
"""

from __future__ import annotations

import re
from enum import StrEnum

from daisy.understanding.normalize import normalize


class Intent(StrEnum):
    YES = "yes"
    NO = "no"
    REPEAT = "repeat"
    HUMAN = "human"
    DONT_KNOW = "dont_know"
    WAIT = "wait"
    CALLBACK = "callback"  # "llámame en una hora": an explicit request to be called back
    LATER = "later"  # "al rato", "más tarde": a callback only when said to "¿puedes hablar?"
    EMAIL = "email"
    WHATSAPP = "whatsapp"
    REFUSE = "refuse"
    BUSY = "busy"  # "ahorita no puedo": offer a callback before giving up
    WHO = "who"
    WHY = "why"
    ROBOT = "robot"
    IMPATIENT = "impatient"
    INSULT = "insult"
    GREETING = "greeting"
    ALREADY_GAVE = "already_gave"
    DONE = "done"  # "es todo": a value dictated in pieces is complete
    SAME_NUMBER = "same_number"  # "a este mismo número": the number the call comes from
    VOICEMAIL = "voicemail"  # an answering machine's greeting, not a person
    NUMBER_SOURCE = "number_source"  # "¿quién te dio mi teléfono?": where Daisy got the number
    TOPIC = "topic"  # "¿es por la factura?": a guess at what the call is about


# Questions about Daisy or the call: answered in one sentence, never a yes, a wait or a request.
QUESTIONS = frozenset({Intent.WHO, Intent.WHY, Intent.ROBOT, Intent.NUMBER_SOURCE, Intent.TOPIC})


def fold(text: str, keep: str = "") -> str:
    """The utterance as the intent patterns read it: normalized like every parser's input (recognizer
    glue split, accents off, ñ kept), keeping apostrophes ("don't"), "@" and `keep`."""
    return normalize(text, keep="'@" + keep)


def _rx(*patterns: str) -> re.Pattern[str]:
    return re.compile(r"(?:^| )(?:" + "|".join(patterns) + r")(?= |$)")


# Patterns are matched on folded text, word-bounded by spaces.
_ES: dict[Intent, re.Pattern[str]] = {
    Intent.HUMAN: _rx(
        r"(?:pasa|comunica|transfiere|conecta)\w* con (?:\w+ )?(?:persona|humano|alguien|agente|operador\w*"
        r"|encargad\w|supervisor\w*|licenciad\w|despachador\w*|ejecutiv\w)",
        r"(?:una|un|otra) persona(?: real)?",
        r"(?:un )?humano",
        r"(?:un )?agente",
        r"operador(?:a)? humano",
        r"hablar con alguien",
        r"con (?:el|la) encargad[oa]",
        r"quiero hablar con",
    ),
    Intent.REPEAT: _rx(
        r"repite\w*",
        r"repetir\w*",
        r"repitel\w*",
        r"otra vez",
        r"de nuevo(?! leon)",
        r"mande",
        r"como dijiste",
        r"que dijiste",
        r"no (?:te )?(?:escuche|oi|entendi|escucho)",
        r"no se escucha",
        r"perdon no",
        r"^como$",
        r"^que$",
        r"^perdon$",
        r"mas despacio",
        r"no le entendi",
    ),
    Intent.DONT_KNOW: _rx(
        r"no (?:lo |la )?se",
        r"no me (?:lo |la )?se",
        r"no (?:me )?acuerdo",
        r"no (?:lo |la )?recuerdo",
        r"ni idea",
        r"no (?:lo |la )?tengo(?: a la mano)?",
        r"no tengo (?:correo|placas|numero|idea)",
        r"quien sabe",
        r"no sabria",
        r"no estoy seguro",
        r"no se cual",
        r"no (?:lo |la |los |las )?traigo",
        r"no me (?:lo |la |los |las )?se",
        r"todavia no (?:me )?(?:asignan|tengo|dan)\w*",
        r"no uso (?:correo|mail)",
        r"no tengo (?:caja|remolque|correo|email|mail)",
        r"sin (?:caja|correo)",
    ),
    Intent.WAIT: _rx(
        r"esperame",
        r"esperate",
        r"^espera",
        r"(?:dejame|deja|dame chance de|ahorita|voy a|nomas) (?:lo |la |los |las |le )?(?:ver|veo|"
        r"checo|checar|"
        r"busco|buscar|reviso|revisar|saco|sacar|me fijo|fijarme|encuentro|consulto|pregunto)\b.*",
        r"(?:estoy|ando|sigo) (?:buscando|checando|revisando|viendo|sacando|estacionando\w*|orillando\w*)",
        r"voy por (?:el|la|los|las|mis|mi)",
        r"dame chance",
        r"espera(?:me)? (?:tantito|un)",
        r"dame (?:un|chance|tantito)\w*",
        r"un (?:momento|momentito|segundo|segundito|minuto|minutito)",
        r"tantito",
        r"aguantame",
        r"permiteme",
        r"deja (?:lo )?(?:busco|checo|veo)",
    ),
    Intent.CALLBACK: _rx(
        r"(?:llama|habla|marca|comunica|telefonea)(?:me|nos)\b.*",
        r"(?:me )?(?:llamas|hablas|marcas) (?:en|a las|a la|mas|luego|despues|manana|al rato|otro)\b.*",
        r"(?:me )?(?:puedes|podrias) (?:llamar|marcar|hablar)\w*",
        r"(?:vuelve|vuelvas) a (?:llamar|marcar)\w*",
    ),
    Intent.LATER: _rx(
        r"(?:mas|al rato|luego|despues) (?:tarde|rato)?",
        r"mas tarde",
        r"al rato",
        r"en un rato",
        r"otro dia",
        r"manana",
        r"luego",
    ),
    Intent.EMAIL: _rx(
        r"(?:por|al|a mi|mi) (?:correo|mail|email|e mail|imeil)",
        r"mandamelo por correo",
        r"(?:mandame|enviame|envialo|mandalo)\w* (?:un )?(?:correo|mail|email)",
    ),
    Intent.WHATSAPP: _rx(r"whats ?app", r"guasap", r"wasap", r"wats", r"whats", r"guats ?ap", r"wasa"),
    Intent.REFUSE: _rx(
        r"no me interesa",
        r"no (?:quiero|gracias no)",
        r"no voy a dar",
        r"no doy (?:datos|informacion)",
        r"no estoy interesad\w",
        r"dejame en paz",
        r"no me (?:llames|molestes)",
        r"borrame",
    ),
    Intent.BUSY: _rx(
        r"(?:ahorita|ahora) no (?:puedo|tengo tiempo)",
        r"no puedo (?:hablar|ahorita|ahora)",
        r"estoy (?:manejando|ocupad\w|en camino|trabajando)",
        r"voy manejando",
        r"no tengo tiempo",
    ),
    Intent.WHO: _rx(
        r"quien (?:eres|habla|es|llama|me habla)",
        r"de donde (?:me )?(?:hablas|llamas|eres|habla|llama|es usted|es)",
        r"(?:y )?usted (?:de donde es|quien es)",
        r"con quien hablo",
        r"como te llamas",
        r"de parte de quien",
        r"de que (?:empresa|compa[nñ]ia|lado|linea|transportista)",
        r"(?:que|cual) (?:empresa|compa[nñ]ia) (?:eres|es|dices|dijiste)",
        r"para quien trabajas",
        r"(?:de )?(?:cual|que) empresa",
    ),
    Intent.WHY: _rx(
        r"para que (?:es|me|llamas|quieres|son|necesitas)\w*",
        r"por que (?:me )?(?:llamas|hablas|preguntas)",
        r"que quieres",
        r"de que se trata",
        r"que es esto",
        r"para que sirve",
    ),
    Intent.ROBOT: _rx(
        r"eres (?:un |una )?(?:robot|maquina|grabacion|contestadora|ia|inteligencia artificial|real|persona|"
        r"humano|humana|bot|computadora|programa|de verdad|de a de veras|asistente virtual|virtual)",
        r"(?:es|esto es) (?:una )?(?:grabacion|maquina|robot|contestadora)",
        r"(?:hablo|estoy hablando|platico|estoy platicando) con (?:un |una )?(?:robot|maquina|persona|humano|"
        r"computadora|grabacion|bot|ia|alguien real)",
        r"(?:persona|humano|humana|de carne y hueso) o (?:una |un )?(?:maquina|robot|grabacion|"
        r"computadora|bot)",
        r"(?:maquina|robot|grabacion|computadora|bot) o (?:una |un )?(?:persona|humano|humana)",
        r"me (?:contesta|habla) (?:una |un )?(?:maquina|robot|computadora|grabacion)",
        r"eres de carne y hueso",
        r"(?:usted|tu) (?:es|eres) (?:un |una )?(?:persona|humano|humana|robot|maquina|grabacion|"
        r"real|bot|ia)",
        r"(?:es|eres) (?:usted|tu) (?:un |una )?(?:persona|humano|humana|robot|maquina|grabacion|"
        r"real|bot|ia)",
        r"(?:es )?(?:una )?(?:llamada|voz|mensaje|sistema|operadora) (?:automatic\w|automatizad\w|grabad\w|"
        r"computarizad\w|virtual)",
        r"(?:me )?(?:esta|estas) (?:hablando|contestando) (?:un |una )?(?:robot|maquina|computadora|"
        r"grabacion)",
    ),
    Intent.NUMBER_SOURCE: _rx(
        r"quien te (?:dio|paso|dieron|pasaron) (?:mi|este|el) (?:numero|telefono|celular|cel|contacto)",
        r"(?:de donde|como|donde) (?:sacaste|sacaron|conseguiste|consiguieron|obtuviste|tienes|tienen) "
        r"(?:mi|este|el) (?:numero|telefono|celular|cel|contacto)",
        r"(?:como|por que) (?:tienes|tienen) mi (?:numero|telefono|celular|cel)",
        r"quien (?:te|le|les|les) (?:dio|dieron|paso|pasaron) (?:mi|mis|este|el|los) (?:numero|"
        r"telefono|celular|"
        r"cel|contacto|datos?)",
        r"(?:de donde|como|donde) (?:saco|sacaron|sacan|consiguio|consiguieron|obtuvo|tiene|"
        r"tienen) (?:mi|este|"
        r"el) (?:numero|telefono|celular|cel|contacto|dato)",
    ),
    Intent.TOPIC: _rx(
        r"es (?:por|sobre|de|acerca de|para) (?:lo de |lo del |algo de )?(?:la |el |una |un |los |"
        r"las |mi |mis |"
        r"del )?(?:factura|pago|deuda|cobro|multa|"
        r"adeudo|credito|cuenta|seguro|prestamo|paquete|envio|recibo|tarjeta|banco|saldo|cobranza|"
        r"promocion)\w*",
        r"(?:me )?(?:vas|van) a (?:cobrar|vender|ofrecer)\w*",
        r"(?:es|llamas|llama|hablas|habla|llaman) para (?:cobrar|vender|ofrecer|venderme|cobrarme|"
        r"ofrecerme)\w*",
        r"es (?:una )?(?:venta|promocion|encuesta|cobranza)",
    ),
    Intent.IMPATIENT: _rx(
        r"por que te tardas",
        r"apurate",
        r"(?:ya )?(?:me )?(?:tengo que|debo) (?:irme|colgar)",
        r"ya (?:acaba|termina)\w*",
        r"cuanto (?:falta|mas)",
        r"que lenta",
        r"tardas mucho",
    ),
    Intent.INSULT: _rx(
        r"pendej\w*",
        r"idiota\w*",
        r"estupid\w*",
        r"tont[oa]\w*",
        r"chinga\w*",
        r"pinche\w*",
        r"mierda",
        r"vete a la",
        r"babos\w*",
        r"imbecil\w*",
        r"inutil\w*",
        r"mensa?\b",
        r"culer\w*",
        r"cabron\w*",
    ),
    Intent.SAME_NUMBER: _rx(
        r"(?:este|ese) mismo",
        r"mismo numero",
        r"(?:a |al )?(?:este|ese) numero",
        r"al que me (?:estas |esta )?(?:marcando|llamando|hablando)",
        r"del que (?:te |le )?(?:hablo|llamo|marco)",
    ),
    Intent.VOICEMAIL: _rx(
        r"dej[ae] (?:tu|su|un) mensaje",
        r"grab[ae] (?:tu|su) mensaje",
        r"despues del tono",
        r"buzon",
        r"correo de voz",
        r"mensaje de voz",
        r"no (?:esta|se encuentra) disponible",
        r"(?:el numero|la persona) (?:que|a quien) (?:usted )?(?:marco|llama)",
        r"fuera del area de servicio",
        r"(?:esta|se encuentra) apagado",
        r"no puede atender",
    ),
    Intent.GREETING: _rx(
        r"hola", r"bueno", r"buenas(?: tardes| noches| dias)?", r"buenos dias", r"diga", r"si diga"
    ),
    Intent.ALREADY_GAVE: _rx(
        r"ya te (?:lo |la |los |las )?(?:di|dije)\w*",
        r"ya (?:lo |la )?(?:dije|di)",
        r"te lo acabo de decir",
    ),
    Intent.DONE: _rx(
        r"es todo",
        r"seria todo",
        r"eso seria todo",
        r"nomas",
        r"ya son todas",
        r"eso es todo",
        r"nada mas",
        r"son todas",
        r"ya es todo",
        r"ahi (?:esta|termina)",
        r"ya$",
        r"ya (?:esta|quedo)",
        r"es (?:toda|la ultima)",
        r"termina ahi",
        r"y ya",
    ),
    Intent.NO: _rx(
        r"no+",
        r"nones",
        r"nel\w*",
        r"nanay\w*",
        r"ni (?:madres|maiz|de chiste|de broma|de chiste|loc[oa]|al caso|tantito|cerca|por asomo)",
        r"^(?:no )?que va",
        r"nada que ver",
        r"como crees",
        r"negativo",
        r"ñ?o+pe?s?",
        r"mejor no",
        r"uh uh",
        r"(?:la|el|lo) unic[oa]",
        r"(?:esta|estan) mal (?:la|el|las|los)",
        r"nel",
        r"nop",
        r"incorrect[oa]",
        r"equivocad[oa]",
        r"esta mal",
        r"estan mal",
        r"mal",
        r"tampoco",
        r"negativo",
        r"para nada",
        r"error",
        r"no es",
        r"falso",
    ),
    Intent.YES: _rx(
        r"si+",
        r"sip",
        r"a ?[hg]?[wu]e?vo\w*",
        r"chi",
        r"zi+",
        r"shi",
        r"simona?",
        r"sobres",
        r"arre",
        r"camara",
        r"fierro",
        r"vientos?",
        r"de pelos",
        r"(?:al|a la) (?:cien|tiro|pelo)",
        r"sin falla",
        r"va que va",
        r"ya (?:estuvo|estas|esta|quedo)",
        r"(?:esta|todo) (?:chido|perfecto|bien|correcto)",
        r"chido",
        r"como no",
        r"okas?",
        r"okis?",
        r"oki doki",
        r"(?:esas|esos|ese|esa|eso) (?:mero|merito|son|es)",
        r"asi merito",
        r"correctisimo",
        r"seguro",
        r"sep",
        r"aja",
        r"asi es",
        r"exacto",
        r"exactamente",
        r"correct[oa]s?",
        r"de acuerdo",
        r"claro(?: que si)?",
        r"ok",
        r"okey",
        r"okay",
        r"orale",
        r"andale",
        r"esta bien",
        r"estan bien",
        r"afirmativo",
        r"simon",
        r"perfecto",
        r"cierto",
        r"efectivamente",
        r"por supuesto",
        r"ajam",
        r"mhm",
        r"aha",
        r"sin problema",
        r"con gusto",
        r"a sus ordenes",
        r"si puedo",
        r"sale y vale",
        r"mjm+",
        r"mm+ hm+",
        r"yes",
        r"okay",
        r"asi mero",
        r"tal cual",
        r"todo bien",
        r"es (?:lo )?correcto",
        r"ese mero",
        r"esa mera",
        r"si senorita",
        r"si senor",
        r"ya quedo",
        r"quedo bien",
        r"le atinaste",
        r"bien dicho",
        r"de una",
    ),
}

_EN: dict[Intent, re.Pattern[str]] = {
    Intent.HUMAN: _rx(
        r"(?:a |an )?(?:real |live )?(?:person|human|agent|representative|operator|dispatcher|someone)",
        r"talk to (?:somebody|someone)",
        r"speak (?:to|with) (?:somebody|someone)",
    ),
    Intent.REPEAT: _rx(
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
    Intent.DONT_KNOW: _rx(
        r"(?:i )?don'?t know",
        r"(?:i )?(?:don'?t|can'?t) remember",
        r"no idea",
        r"not sure",
        r"(?:i )?don'?t have (?:it|one|that|an? \w+)",
        r"dunno",
        r"(?:i )?don'?t (?:use|have) (?:an? )?(?:email|e mail|trailer)",
        r"can'?t recall",
    ),
    Intent.WAIT: _rx(
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
    Intent.CALLBACK: _rx(
        r"call (?:me )?back\b.*",
        r"call me (?:later|in|at|tomorrow|around|after)\b.*",
        r"(?:can|could) you call\b.*",
        r"try (?:me )?(?:again|later)\b.*",
    ),
    Intent.LATER: _rx(r"later", r"tomorrow", r"another time"),
    Intent.EMAIL: _rx(
        r"(?:by|via|through|an|in an) e ?mail",
        r"(?:send|email) me (?:an )?(?:email|it)",
        r"e ?mail (?:it|them|that|me)",
        r"e ?mail (?:instead|is better)",
    ),
    Intent.WHATSAPP: _rx(r"whats ?app", r"wats ?app"),
    Intent.REFUSE: _rx(
        r"not interested",
        r"no thanks",
        r"no thank you",
        r"leave me alone",
        r"don'?t call",
        r"stop calling",
        r"i won'?t",
        r"i don'?t want",
    ),
    Intent.BUSY: _rx(
        r"(?:i )?can'?t (?:talk|right now|now)",
        r"(?:i'?m|i am) (?:driving|busy|working)",
        r"bad time",
        r"not (?:a good time|now|right now)",
    ),
    Intent.WHO: _rx(
        r"who'?s (?:calling|this|that|speaking|on the line)",
        r"who (?:is this|are you|is calling|'?s this|"
        r"is that)", r"what company", r"where are you calling from",
        r"which company", r"who do you (?:work for|represent)", r"who are you with", r"what outfit",
    ),
    Intent.NUMBER_SOURCE: _rx(
        r"who gave you (?:my|this) (?:number|phone|cell|contact)",
        r"(?:where|how) did you get (?:my|this) (?:number|phone|cell|contact)",
        r"(?:where|how)'?d you get (?:my|this) (?:number|phone|cell|contact)",
        r"how do you (?:have|know) (?:my|this) (?:number|phone)",
    ),
    Intent.TOPIC: _rx(
        r"is (?:this|it|that) (?:about|for|regarding) (?:the|a|an|my) (?:invoice|bill|payment|debt|"
        r"fine|ticket|"
        r"loan|package|delivery|card|bank|balance|collection|warranty|insurance)\w*",
        r"are you (?:selling|collecting)\w*",
        r"is this a (?:sales|survey|collection)\w*",
    ),
    Intent.WHY: _rx(
        r"why (?:are you|do you) (?:calling|need|ask)\w*",
        r"what (?:is this|'?s this|is it) (?:about|for)",
        r"what do you want",
    ),
    Intent.ROBOT: _rx(
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
    Intent.IMPATIENT: _rx(
        r"hurry(?: up)?", r"how (?:much|many) (?:longer|more)", r"taking (?:so|too) long", r"i have to go"
    ),
    Intent.INSULT: _rx(
        r"stupid", r"idiot\w*", r"dumb", r"shut up", r"fuck\w*", r"useless", r"moron", r"damn", r"crap"
    ),
    Intent.SAME_NUMBER: _rx(
        r"(?:this|that|the) same (?:number|one)",
        r"(?:this|that) (?:number|one)",
        r"the (?:number|one) (?:you'?re|you are) calling",
        r"same one",
    ),
    Intent.VOICEMAIL: _rx(
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
    Intent.GREETING: _rx(r"hello", r"hi", r"hey", r"yes hello", r"good (?:morning|afternoon|evening)"),
    Intent.ALREADY_GAVE: _rx(r"i (?:already )?(?:told|gave) you", r"already (?:said|told|gave)"),
    Intent.DONE: _rx(
        r"that'?s (?:it|all|everything|the whole thing)",
        r"that'?s all of it",
        r"nothing else",
        r"that is (?:it|all)",
        r"nothing (?:else|more)",
        r"done",
        r"the end",
    ),
    Intent.NO: _rx(
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
    Intent.YES: _rx(
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

_PACKS = {"es-MX": _ES, "en-US": _EN}


def classify(text: str, lang: str) -> set[Intent]:
    """Every conversational move the words make, e.g. {NO, CALLBACK} for "no, llámame luego"."""
    folded = fold(text)
    if not folded:
        return set()
    pack = _PACKS.get(lang) or (_ES if lang.startswith("es") else _EN)
    found = {intent for intent, rx in pack.items() if rx.search(folded)}
    if Intent.YES not in found and lang.startswith("es") and _weak_yes(folded):
        found.add(Intent.YES)
    if not found & {Intent.YES, Intent.NO}:
        found |= _by_root(folded, lang, text)
    if found & QUESTIONS:
        found.discard(Intent.CALLBACK)  # "¿por qué me llamas?" asks, it doesn't book a call
        # "hold on, are you an AI?", "ajá, ¿y de qué empresa eres?": the question is the move; the
        # interjection before it is neither a request to wait nor a yes to what was read back
        found -= {Intent.WAIT, Intent.YES, Intent.SAME_NUMBER}
        if Intent.ROBOT in found and not _ASKS_FOR_PERSON.search(folded):
            found.discard(Intent.HUMAN)  # "¿eres persona o máquina?" asks what Daisy is
    # Words that carry a "no" inside another move are not a plain no.
    if Intent.NO in found and found & {Intent.DONT_KNOW, Intent.REPEAT, Intent.BUSY, Intent.REFUSE}:
        plain_no = re.match(r"no (?:no |es |esta |son )", folded) or re.search(r"\bmejor no\b", folded)
        if not plain_no and folded not in ("no",):
            found.discard(Intent.NO)
    # "no está bien" / "no es correcto" / "that ain't right": the yes-words are negated.
    if Intent.NO in found and Intent.YES in found and re.search(r"\b(?:ain'?t|isn'?t|not)\b", folded):
        found.discard(Intent.YES)
    if Intent.NO in found and Intent.YES in found:
        if re.match(
            r"(?:no|nope|nah) (?:es |esta |estan |son |is |it'?s )?"
            r"(?:bien|correct\w*|right|asi|eso)",
            folded,
        ) or folded.startswith(("no ", "nope", "nah")):
            found.discard(Intent.YES)
        elif re.match(r"(?:si|yes|yeah|claro|correcto|exacto)\b", folded):
            found.discard(Intent.NO)
    return found


# A request for a person, as opposed to asking whether Daisy is one.
_ASKS_FOR_PERSON = re.compile(
    r"\b(?:pasa|pasame|comunica|comunicame|transfiere|transfiereme|conecta|conectame|quiero hablar|"
    r"dejame hablar|puedo hablar|transfer|put me through|let me (?:talk|speak)|can i (?:talk|speak)|"
    r"i want to (?:talk|speak)|get me)\b"
)

# Why the caller must step away: fetching or looking for something, or the road. With a wait word
# these make a hold, and the words of the reason ("la tarjeta de circulación") are no value.
_HOLD_REASON = re.compile(
    r"\b(?:dejame|deja|voy|estoy|ando|sigo|busco|buscando|checo|checar|checando|reviso|revisando|"
    r"tarjeta|papeles|papel|factura|libreta|guantera|celular|cel|telefono|camion|cabina|documentos|"
    r"estacion\w*|orill\w*|se me cayo|let me|looking|grab|find|pull over|pulling|glove ?box|paperwork|"
    r"registration|card|truck|cab|phone|papers|gotta|have to|need to)\b"
)


def holds_with_reason(text: str, lang: str) -> bool:
    """A request to wait that says why ("un momento, voy por la tarjeta de circulación")."""
    return Intent.WAIT in classify(text, lang) and bool(_HOLD_REASON.search(fold(text)))


def without_done(text: str, lang: str) -> str:
    """The words with any "es todo" / "that's all" taken out (folded)."""
    pack = _PACKS.get(lang) or (_ES if lang.startswith("es") else _EN)
    kept = fold(text, keep=".-_")
    # Commas and a final full stop would hide "…, es todo." from the word-bounded patterns; a dot
    # inside ("juan . perez") is part of the address.
    kept = re.sub(r"\.+$", "", re.sub(r"[,;]+", " ", kept)).strip()
    return pack[Intent.DONE].sub(" ", kept).strip()


# Words that mean yes only when the answer is made of nothing else ("va", "eso es", "muy bien"):
# "Y flota bien." is recognizer noise, not a yes.
_WEAK_YES = {
    "va",
    "sale",
    "dale",
    "adelante",
    "dime",
    "bien",
    "muy",
    "listo",
    "ya",
    "eso",
    "esa",
    "ese",
    "es",
    "pues",
    "todo",
    "bueno",
    "mero",
    "asi",
    "ahi",
    "le",
    "orale",
    "andale",
    "okey",
    "ok",
    "si",
    "y",
}


# Alone, these are as often a misheard "no" or noise as a yes ("No." heard as "¡Ya!"): a read-back
# is not confirmed by them.
_AMBIGUOUS_ALONE = {"ya", "bien", "y", "es", "le", "ahi", "pues", "todo", "bueno", "muy", "dime", "adelante",
                    "asi", "mero", "so", "well", "ye", "yay"}


# A regional yes or no grows from a root word with a rhyme or a tag ("nel pastel", "simón que sí",
# "sale y vale", "nop, nada"): a short answer led by a root, with no value in it, is that root's move.
_ROOTS = {
    "es-MX": {
        Intent.YES: {"si", "simon", "va", "sale", "orale", "andale", "dale", "claro", "exacto", "ok", "okey",
                     "arre", "sobres", "chido", "vientos", "camara", "correcto", "cierto", "eso", "aja"},
        Intent.NO: {"no", "nel", "nop", "nones", "nanay", "ni", "nada", "tampoco", "nelson"},
    },
    "en-US": {
        Intent.YES: {"yes", "yeah", "yep", "yup", "sure", "right", "correct", "ok", "okay", "roger",
                     "affirmative"},
        Intent.NO: {"no", "nope", "nah", "negative", "wrong"},
    },
}
_NOT_A_TAG = re.compile(r"\d|\b(?:letra|letter|es|its|is|son|la|el|las|los|the|de|as|en|a|an|y|and|pero|but|"
                        r"mas|more|otra|other|cambia|change)\b")


def _by_root(folded: str, lang: str, text: str) -> set[Intent]:
    words = folded.split()
    if not 2 <= len(words) <= 4 or _NOT_A_TAG.search(" ".join(words[1:])):
        return set()
    if any(w[:1].isupper() for w in re.split(r"[\s,;:]+", text.strip())[1:]):
        return set()  # "Simón Quiroga": a capital mid-answer is a name, not a rhyme
    from daisy.understanding.name_lexicon import known
    from daisy.understanding.numbers import is_number_word

    if any(is_number_word(w, lang) or known(w) and w not in _COURTESY for w in words[1:]):
        return set()  # "nel, cuarenta", "Simón Pérez": a value or a name, not a tag
    roots = _ROOTS["en-US" if lang.startswith("en") else "es-MX"]
    return {intent for intent, heads in roots.items() if words[0] in heads}


def only_yes_no(text: str, lang: str) -> bool:
    """The words are a yes or a no and nothing else ("a huevo", "al cien", "roger that"): no value
    is read out of them, whatever field is being asked or read back."""
    folded = fold(text)
    found = classify(text, lang)
    if not found & {Intent.YES, Intent.NO} or found & {Intent.YES, Intent.NO} == {Intent.YES, Intent.NO}:
        return False
    if _by_root(folded, lang, text):
        return True
    pack = _PACKS.get(lang) or (_ES if lang.startswith("es") else _EN)
    rest = pack[Intent.YES].sub(" ", pack[Intent.NO].sub(" ", folded)).split()
    return all(w in _FILLER or w in _WEAK_YES or w in _COURTESY for w in rest)


_COURTESY = {"joven", "jefe", "jefa", "senorita", "señorita", "senor", "señor", "amigo", "amiga", "compa",
             "carnal", "mano", "pues", "buddy", "man", "sir", "maam", "boss", "que", "y", "ya", "si", "yes",
             "mija", "mijo", "oiga", "hombre", "gracias", "thanks", "lady", "miss", "darling", "hon", "mi",
             "reina", "rey", "vida", "cielo", "corazon", "chula", "linda", "guapa", "patron", "patrona",
             "doña", "don", "my", "friend", "pal", "mister"}


def clear_yes(text: str, lang: str) -> bool:
    """A yes that can confirm a value: a yes intent, no "no", and not one ambiguous word alone."""
    found = classify(text, lang)
    if Intent.YES not in found or Intent.NO in found:
        return False
    words = fold(text).split()
    return not (len(words) == 1 and words[0] in _AMBIGUOUS_ALONE)


def _weak_yes(folded: str) -> bool:
    words = folded.split()
    return 0 < len(words) <= 4 and all(w in _WEAK_YES for w in words) and not all(w in _FILLER for w in words)


def only_filler(text: str, lang: str) -> bool:
    """True when the words carry nothing: "eh", "mmm", "este…"."""
    folded = fold(text)
    return not folded or all(w in _FILLER for w in folded.split())


_FILLER = {
    "eh",
    "em",
    "este",
    "mmm",
    "mm",
    "hmm",
    "um",
    "uh",
    "ah",
    "pues",
    "a",
    "o",
    "well",
    "so",
    "bueno",
    "ok",
}
