"""Mexican Spanish (es-MX): the words of every move a caller makes.

Patterns match folded text: lowercase, accents off (ñ kept), punctuation gone, recognizer glue split.
"""

from __future__ import annotations

import re

from daisy.understanding.moves import Intent, patterns

INTENTS: dict[Intent, re.Pattern[str]] = {
    Intent.HUMAN: patterns(
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
    Intent.REPEAT: patterns(
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
    Intent.DONT_KNOW: patterns(
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
    Intent.WAIT: patterns(
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
    Intent.CALLBACK: patterns(
        r"(?:llama|habla|marca|comunica|telefonea)(?:me|nos)\b.*",
        r"(?:me )?(?:llamas|hablas|marcas) (?:en|a las|a la|mas|luego|despues|manana|al rato|otro)\b.*",
        r"(?:me )?(?:puedes|podrias) (?:llamar|marcar|hablar)\w*",
        r"(?:vuelve|vuelvas) a (?:llamar|marcar)\w*",
    ),
    Intent.LATER: patterns(
        r"(?:mas|al rato|luego|despues) (?:tarde|rato)?",
        r"mas tarde",
        r"al rato",
        r"en un rato",
        r"otro dia",
        r"manana",
        r"luego",
    ),
    Intent.EMAIL: patterns(
        r"(?:por|al|a mi|mi) (?:correo|mail|email|e mail|imeil)",
        r"mandamelo por correo",
        r"(?:mandame|enviame|envialo|mandalo)\w* (?:un )?(?:correo|mail|email)",
    ),
    Intent.WHATSAPP: patterns(r"whats ?app", r"guasap", r"wasap", r"wats", r"whats", r"guats ?ap", r"wasa"),
    Intent.REFUSE: patterns(
        r"no me interesa",
        r"no (?:quiero|gracias no)",
        r"no voy a dar",
        r"no doy (?:datos|informacion)",
        r"no estoy interesad\w",
        r"dejame en paz",
        r"no me (?:llames|molestes)",
        r"borrame",
    ),
    Intent.BUSY: patterns(
        r"(?:ahorita|ahora) no (?:puedo|tengo tiempo)",
        r"no puedo (?:hablar|ahorita|ahora)",
        r"estoy (?:manejando|ocupad\w|en camino|trabajando)",
        r"voy manejando",
        r"no tengo tiempo",
    ),
    Intent.WHO: patterns(
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
    Intent.WHY: patterns(
        r"para que (?:es|me|llamas|quieres|son|necesitas)\w*",
        r"por que (?:me )?(?:llamas|hablas|preguntas)",
        r"que quieres",
        r"de que se trata",
        r"que es esto",
        r"para que sirve",
    ),
    Intent.ROBOT: patterns(
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
    Intent.NUMBER_SOURCE: patterns(
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
    Intent.TOPIC: patterns(
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
    Intent.IMPATIENT: patterns(
        r"por que te tardas",
        r"apurate",
        r"(?:ya )?(?:me )?(?:tengo que|debo) (?:irme|colgar)",
        r"ya (?:acaba|termina)\w*",
        r"cuanto (?:falta|mas)",
        r"que lenta",
        r"tardas mucho",
    ),
    Intent.INSULT: patterns(
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
    Intent.SAME_NUMBER: patterns(
        r"(?:este|ese) mismo",
        r"mismo numero",
        r"(?:a |al )?(?:este|ese) numero",
        r"al que me (?:estas |esta )?(?:marcando|llamando|hablando)",
        r"del que (?:te |le )?(?:hablo|llamo|marco)",
    ),
    Intent.VOICEMAIL: patterns(
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
    Intent.GREETING: patterns(
        r"hola", r"bueno", r"buenas(?: tardes| noches| dias)?", r"buenos dias", r"diga", r"si diga"
    ),
    Intent.ALREADY_GAVE: patterns(
        r"ya te (?:lo |la |los |las )?(?:di|dije)\w*",
        r"ya (?:lo |la )?(?:dije|di)",
        r"te lo acabo de decir",
    ),
    Intent.DONE: patterns(
        r"es todo",
        r"estodo",  # the recognizer glues it ("iso estodo")
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
    Intent.NO: patterns(
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
    Intent.YES: patterns(
        r"si+",
        r"sip",
        r"a ?[hg]?[wu]e?vo\w*",
        r"chi",
        r"zi+",
        r"shi",
        # the phone line cuts an s's hiss (above 4 kHz): Kokoro's "Sí." in cab noise came out "Fí." eight
        # times on made-up sets 8 and 9, each a "¿sí o no?" (weighed on the audio as any yes is)
        r"fi",
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
        r"u+jum",  # "ujum", the closed-mouth yes
        r"cabal",  # "exactly", northern Mexico
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

# "That's all" as callers say it, to recognize it bent by the recognizer ("son tomas" for "son todas").
DONE_SAID = (
    "es todo", "eso es todo", "son todas", "son todos", "ya es todo", "ya son todas", "nada mas", "seria todo"
)
# The word a closing ends on, which the recognizer bends least out of shape ("el tomo", "y su estodo",
# "ya son tomas" for "es todo", "ya son todas").
DONE_LAST = ("todo", "todas", "todos", "estodo")
# Letters whose names are the words that join others ("y", "a", "e", "o"): one of them alone before a
# bent closing ("y a son tomas" for "ya son todas") is part of the closing, not a letter of the value.
JOINING_LETTERS = frozenset("YAEO")
# Words that mean yes only when the answer is made of nothing else ("va", "eso es", "muy bien"):
# "Y flota bien." is recognizer noise, not a yes.
WEAK_YES = frozenset({
    "va", "sale", "dale", "adelante", "dime", "bien", "muy", "listo", "ya", "eso", "esa", "ese", "es", "pues",
    "todo", "bueno", "mero", "asi", "ahi", "le", "orale", "andale", "okey", "ok", "si", "y",
})
# Alone, these are as often a misheard "no" or noise as a yes ("No." heard as "¡Ya!").
AMBIGUOUS_ALONE = frozenset({"ya", "bien", "y", "es", "le", "ahi", "pues", "todo", "bueno", "muy", "dime",
                             "adelante", "asi", "mero"})
# A regional yes or no grows from a root word with a rhyme or a tag ("nel pastel", "simón que sí").
ROOTS = {
    Intent.YES: frozenset({
        "si", "simon", "va", "sale", "orale", "andale", "dale", "claro", "exacto", "ok", "okey", "arre",
        "sobres",
        "chido", "vientos", "camara", "correcto", "cierto", "eso", "aja",
    }),
    Intent.NO: frozenset({"no", "nel", "nop", "nones", "nanay", "ni", "nada", "tampoco", "nelson"}),
}
# Words after a root that make it no tag: a value is being said ("nel, es la be").
NOT_A_TAG = re.compile(r"\d|\b(?:letra|es|son|la|el|las|los|de|en|a|y|pero|mas|otra|cambia)\b")
# Forms of address and courtesy around a yes or a no ("sí, joven", "nel, mi reina").
COURTESY = frozenset({
    "joven", "jefe", "jefa", "senorita", "señorita", "senor", "señor", "amigo", "amiga", "compa", "carnal",
    "mano", "pues", "que", "y", "ya", "si", "mija", "mijo", "oiga", "hombre", "gracias", "mi", "reina", "rey",
    "vida", "cielo", "corazon", "chula", "linda", "guapa", "patron", "patrona", "doña", "don",
})
# Words that may stand beside a yes and say nothing more ("Sí, son esas.", "Eso es."): a yes to a
# read-back with other words beside it is no plain yes (intents.plain_yes).
YES_COMPANIONS = frozenset({
    "eso", "esa", "esas", "esos", "ese", "es", "son", "esta", "estan", "estas", "se", "soy", "lo", "la",
    "los", "las", "el", "aca", "aqui", "claro", "todo", "todos", "todas", "ella", "ellas", "ellos",
    # what was read back, named ("Sí, ese es mi correo."), and thanks ("Está bien, muchas gracias.")
    "mi", "mis", "nombre", "correo", "placa", "placas", "numero", "hora", "dato", "datos", "muchas",
    "mil", "favor", "por",
    # a known value offered back ("¿Sigues con el tractor 4512?" — "Sí, el mismo.", "Sí, sigue igual.")
    "mismo", "misma", "mismos", "mismas", "igual", "sigue", "siguen", "sigo", "todavia", "aun",
})
# A request for a person, as opposed to asking whether Daisy is one.
ASKS_FOR_PERSON = re.compile(
    r"\b(?:pas(?:a|as|ame|e|eme|ar|arme)|comunica\w*|transfier\w*|conect\w*|(?:quiero|necesito|dejame|"
    r"puedo) hablar)\b"
)
# Why the caller must step away: with a wait word these make a hold, and their words are no value.
# A "no" and then the read-back said right ("No, es correcto.", "No, sí es."): the recognizer puts a
# "No," in front of a yes, so it is neither. Only after a pause in the words ("no es correcto" is a no).
NO_THEN_YES = re.compile(r"^\W*no\s*[,.!;:]+\s*(?:s[ií],?\s*)?"
                         r"(?:es correct[oa]|est[aá] correct[oa]|correct[oa]|s[ií] es|as[ií] es|exacto|"
                         r"eso es)\W*$")
# What a driver says while listening, to show he is following ("ajá", "mjm", "sí, sí"): said over
# Daisy's read-back it is no answer yet (the caller has not heard the question), only at its end.
BACKCHANNEL = re.compile(r"^(?:(?:aja+|ajam|aha|a ja|mjm+|mhm+|mm+ ?hm+|hm+|si|ok|okey|okay|ya|eso|"
                         r"aja si|andale|ujum|uju)\s*)+$")
# Asked when to be called back, the caller says they can talk now after all (folded words)
CAN_TALK_NOW = re.compile(r"\b(?:(?:si )?puedo (?:hablar|ahorita|ahora)|ahorita si|ahora si|"
                          r"tengo (?:tiempo|un rato|chance)|adelante|dale|digame|dime|pregunte?me)\b")
HOLD_REASON = re.compile(
    r"\b(?:dejame|deja|voy|estoy|ando|sigo|busco|buscando|checo|checar|checando|reviso|revisando|"
    r"tarjeta|papeles|papel|factura|libreta|guantera|celular|cel|telefono|camion|cabina|documentos|"
    r"estacion\w*|orill\w*|se me cayo)\b"
)
