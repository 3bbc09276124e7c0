"""A caller's full name, cleaned of the words around it.

"Sí, mi nombre es José Luis Hernández de la Cruz" -> "José Luis Hernández de la Cruz". Words are
kept as the recognizer wrote them (accents included), capitalized, with particles in lowercase.
Answers that are clearly not a name (yes/no, a question, numbers, filler, recognizer nonsense
made of everyday words) give None so that Daisy asks again instead of reading them back.
"""

from __future__ import annotations

import re
from functools import lru_cache

from daisy.understanding import name_asides
from daisy.understanding.normalize import is_english, last_version, normalize, strip_accents
from daisy.understanding.numbers import word_table
from daisy.understanding.spelling import is_nato_word

PARTICLES = {"de", "del", "la", "las", "los", "y", "e", "van", "von", "der", "da", "di", "du", "le"}

# Lead-ins, longest first after sorting; matched on the normalized words.
_LEADS = [
    "si", "sí", "claro", "bueno", "pues", "este", "eh", "ah", "ok", "okey", "ajá", "aja", "hola", "mira",
    "mi nombre es", "mi nombre completo es", "mi nombre seria", "me llamo", "yo me llamo", "soy",
    "yo soy", "el nombre es", "el nombre del operador es", "habla", "le habla", "te habla", "aqui",
    "con", "es", "seria", "se llama", "mi nombre", "nombre", "a sus ordenes", "el operador es",
    "yes", "yeah", "sure", "okay", "well", "hi", "hello", "my name is", "my full name is", "this is",
    "its", "it is", "i am", "im", "name is", "the name is", "names", "call me", "you can call me",
    "speaking", "of course", "me dicen", "me conocen como", "le dicen", "mi nombre completo",
]
_TAILS = [
    "para servirle", "para servirte", "a sus ordenes", "a la orden", "gracias", "muchas gracias",
    "mucho gusto", "speaking", "here", "thanks", "thank you", "por favor", "please", "ok",
]
# Everyday words that never make up a name: a "name" built from them is recognizer noise or a sentence.
_COMMON = set("""
y o u a e que qué no si sí ya bien mal muy mas más menos con sin por para pero como cómo cuando donde
quien quién cual cuál porque por qué te tu tú yo el él ella lo le les me mi mis su sus se nos un una unos
unas es son soy eres esta está estan están estoy era fue ser estar hay ahi ahí aqui aquí alla allá eso
esto ese esa este hola buenos buenas dias días tardes noches gracias favor ok okey sale va vale
claro exacto correcto incorrecto perfecto listo ajá aja eh mmm mm ah oh uh um hmm flota camion camión
caja tractor placas placa numero número correo hora horas tiempo tardas tanto dije ya dije otra vez
repite repetir quiero puedo puede tengo tiene sabe se sé dime digo dices oye mande bienvenidos
benvidos bienvenido nada todo todos algo llamo llamas nombre completo apellido luego despues después
the a an is are was be yes no not what who why how where when you your my me i it its that this
there here please thanks thank okay sure yeah yep nope hello hi hey well just name call again sorry
repeat wait truck trailer plate number email time know dont don't
buen dia adelante digame mande perdon vez espera esperame tantito momento segundo persona humano
llamame marcame despues ahorita ocupado manejando whatsapp mandame manda llama robot maquina
quieres necesitas entiendo entendi oiga oye escucho escuchas bien mal sigo aca estoy
operador chofer conductor driver operator señorita senorita señor senor seño joven amiga amigo jefe
jefa licenciado licenciada muchacha muchacho mija mijo sir maam miss lady buddy
trabajo trabajamos vengo vamos works work i we
apuntale apunta anota anotale fijate ver dejame deja andale orale busco checo tengo te va ahi verdad
see here go so alright thing basically got write down ready um uh well yeah
good morning afternoon evening hold on moment second person human later busy driving back
robot machine understand hear listen can cant could would should have got gonna want need
driving right now busy later minute minutes check let give sec road working working call calling
manejando ocupado carretera trabajando llegando ahorita tarde temprano
""".split())
_QUESTION_START = re.compile(
    r"^(?:que|quien|como|cual|cuando|donde|por que|para que|porque|what|who|why|how|where|when|"
    r"can you|could you|are you|is this|do you)\b"
)
# Common first names for one-word answers: a lone word is a name only if we know it as one.
_FIRST_NAMES = set("""
jose juan luis carlos bob bill jim tom mike joe
jesus miguel francisco pedro jorge antonio alejandro manuel ricardo roberto
fernando javier eduardo raul sergio rafael mario arturo alberto daniel david hector enrique
oscar ramon martin jaime guillermo ruben salvador alfredo gerardo armando victor pablo andres
ignacio gabriel rodrigo cesar hugo julio felipe ernesto gustavo adrian ivan omar marco marcos
abel abraham agustin alan alfonso angel benjamin cristian diego emilio esteban fabian federico
gilberto gonzalo hernan horacio isaac israel jacinto joaquin leonardo lorenzo lucio mauricio
nicolas octavio orlando patricio rene rogelio samuel santiago saul tomas ulises valentin
maria guadalupe ana rosa juana elena patricia laura sofia carmen lucia veronica gabriela
adriana alejandra leticia martha marta silvia teresa monica claudia norma yolanda diana
andrea paola fernanda daniela karla carla beatriz araceli lorena margarita isabel susana
john james robert michael william richard joseph thomas charles christopher daniel matthew
anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward
jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon frank
benjamin gregory samuel raymond patrick alexander jack dennis jerry tyler aaron henry douglas
peter adam nathan zachary walter kyle harold carl jeremy keith roger gerald ethan arthur terry
christian sean lawrence austin joe noah jesse albert bryan billy bruce willie jordan dylan alan
ralph gabriel roy juan wayne eugene logan randy louis russell vincent philip bobby johnny bradley
mary jennifer linda elizabeth susan jessica sarah karen nancy lisa betty sandra ashley emily
donna michelle carol amanda melissa deborah stephanie rebecca sharon cynthia kathleen amy angela
anna brenda pamela nicole emma samantha katherine christine debra rachel carolyn janet maria
heather diane julie joyce victoria kelly christina ruth joan virginia judith evelyn hannah
ramiro rigoberto efrain leticia arturo chuy pancho paco nacho memo lalo beto tono pepe toño
alvaro amado anselmo aurelio baltazar benito bernardo calixto candido cirilo clemente cornelio
cruz domingo efren eleazar eliseo elias emiliano epifanio erasmo eusebio evaristo ezequiel faustino
fermin filiberto florencio fortino froylan gabino genaro german gregorio heriberto hilario homero
humberto inocencio isidro jacobo jeronimo joel jonathan josue juventino lazaro leandro leobardo
leopoldo lucas luciano macario marcelino marcelo mariano matias maximino melchor moises narciso
nestor noe pascual porfirio primitivo rafael raymundo refugio reynaldo rolando romualdo rosendo
sabino santos sebastian silvestre simon teodoro timoteo tranquilino trinidad ubaldo urbano
valente vicente wenceslao zacarias alma alicia amparo angelica aurora blanca brenda carolina
catalina cecilia cristina dolores dulce elvira esperanza esther eva fabiola gloria graciela irma
isela josefina julia karina liliana lourdes luz magdalena maricela marisol mercedes miriam nancy
natalia olga paula pilar raquel rebeca rocio rosario ruth sandra sara socorro soledad sonia
tania vanesa viviana ximena xochitl yesenia zulema
tyler marcus derek travis cody dustin shane chad trevor wade clay dale dwayne earl floyd glen
lance lloyd marvin neil rex rodney ross troy vernon wesley angela tiffany crystal amber brittany
""".split())
_NAME_TOKEN = re.compile(r"^[^\W\d_]+(?:[-'’][^\W\d_]+)*$")


def _match_lead(norm_words: list[str], phrases: list[list[str]]) -> int:
    for phrase in phrases:
        if norm_words[: len(phrase)] == phrase:
            return len(phrase)
    return 0


_LEAD_WORDS = sorted((normalize(p).split() for p in _LEADS), key=len, reverse=True)
_LEAD_SET = {w for lead in _LEAD_WORDS for w in lead}
_LONGEST_LEAD = max(map(len, _LEAD_WORDS))
_TAIL_WORDS = sorted((normalize(p).split() for p in _TAILS), key=len, reverse=True)
# A courtesy after the name bent by the recognizer: "para servirle" heard "para Ferribles" or "Para Ser
# Libre", "a sus órdenes" heard "Asusódenes" or "Azuzón Menes". "Para"/"for" and one word after it
# go ("para" starts no part of a name). Glued, the last (up to three) words are compared with the
# courtesy as they sound (z as s, v as b): at 80 when one of them is no name the lists know, at 88
# when all are (only "Jesús Órdenes"-like pairs of names come between the two).
_BENT_TAIL_LEADS = {"para", "for"}
_GLUED_TAILS = [t.replace(" ", "") for t in (normalize(p) for p in _TAILS) if " " in t and len(t) >= 10]
GLUED_TAIL_LIKENESS = 80
GLUED_NAMES_LIKENESS = 88
_LONGEST_BENT_TAIL = 3


@lru_cache(maxsize=1)
def _glued_tail_sounds() -> tuple[str, ...]:
    from daisy.understanding import name_lexicon

    return tuple(name_lexicon.sound(t) for t in _GLUED_TAILS)


def _bent_tail(norm: list[str]) -> int:
    """How many last words are a courtesy the recognizer bent; 0 when none."""
    if norm[-2] in _BENT_TAIL_LEADS:
        return 2
    from rapidfuzz import fuzz  # here, not at import: `daisy chat` starts without it

    from daisy.understanding import name_lexicon

    sounds = _glued_tail_sounds()
    for size in range(1, min(_LONGEST_BENT_TAIL, len(norm) - 1) + 1):
        words = norm[-size:]
        likeness = GLUED_NAMES_LIKENESS if all(map(name_lexicon.known, words)) else GLUED_TAIL_LIKENESS
        glued = name_lexicon.sound("".join(words))
        if any(fuzz.ratio(glued, tail) >= likeness for tail in sounds):
            return size
    return 0


_INTRO_PHRASES = ("soy", "me llamo", "mi nombre es", "my name is", "this is", "i am", "im", "habla",
                  "mi nombre completo es", "my full name is")
_INTRO_WORDS = [p.split() for p in _INTRO_PHRASES]
_INTRO = {"mi nombre es", "me llamo", "soy", "yo soy", "my name is", "this is", "i am", "im",
          "mi nombre completo es", "my full name is", "yo me llamo", "habla", "le habla", "call me",
          "the name is", "name is", "se llama", "el nombre es", "its", "it is", "es", "me dicen",
          "me conocen como", "le dicen"}


_SPELLING_HINT = re.compile(r"(?i)[,;.]\s*(?:con|with|se escribe|spelled|its spelled|it's spelled)\b.*$")
_QUESTION = re.compile(r"¿[^?]*\?|(?:^|(?<=[,.;!]))[^,.;!¿?]*\?")
_SEGMENTS = re.compile(r"[,;:!.…]+")


def _contains(words: list[str], phrase: list[str]) -> bool:
    return any(words[k: k + len(phrase)] == phrase for k in range(len(words)))


def _all_common(segment: str) -> bool:
    words = normalize(segment).split()
    return bool(words) and all(w in _COMMON or w in _LEAD_SET for w in words)


def _last_intro(norm: list[str]) -> int:
    """Index where the words after the last "soy"/"me llamo"/"my name is" begin (0 if none)."""
    best = 0
    for k in range(1, len(norm)):
        for phrase in _INTRO_WORDS:
            if norm[k: k + len(phrase)] == phrase and k + len(phrase) < len(norm):
                best = max(best, k)
    return best


# Particles of other languages keep the case the caller gave them ("Robert Van Dyke", "Ludwig van")
_FOREIGN_PARTICLES = {"van", "von", "der", "da", "di", "du", "le"}


def _cap(word: str, first: bool) -> str:
    low = word.lower()
    if not first and strip_accents(low) in PARTICLES:
        if low in _FOREIGN_PARTICLES and word[:1].isupper():
            return low[:1].upper() + low[1:]
        return low
    if word != low and word != word.upper():
        return word[0].upper() + word[1:]  # mixed case like "McDonald" is kept
    out = "-".join(
        "'".join(p[:1].upper() + p[1:] for p in part.split("'")) for part in low.split("-")
    )
    if len(out) > 3 and out.startswith("Mc") and out[2].isalpha():
        out = "Mc" + out[2].upper() + out[3:]  # "mcallister" -> "McAllister"
    return out


# "Juan Pérez de Transportes Garza", "Mike from Acme Trucking": the company after the name goes
_COMPANY = {"transportes", "transporte", "autotransportes", "fletes", "flete", "empresa", "compania",
            "logistica", "logisticas", "grupo", "lineas", "linea", "carga", "cargas", "trucking",
            "transport", "transports", "transportation", "logistics", "freight", "express", "company",
            "carrier", "carriers", "lines", "inc", "llc", "sa", "parte"}
_COMPANY_LINK = {"de", "del", "from", "with", "at", "con", "en", "for", "para"}


def _without_company(raw: list[str], norm: list[str]) -> tuple[list[str], list[str]]:
    for k in range(1, len(norm) - 1):
        if norm[k] not in _COMPANY_LINK:
            continue
        nxt = [w for w in norm[k + 1: k + 4] if w not in ("la", "el", "los", "las", "the")]
        if norm[k] in ("from", "with", "at") or any(w in _COMPANY for w in nxt):
            while k > 1 and (norm[k - 1] in _COMMON or norm[k - 1] in PARTICLES):
                k -= 1  # "Juan Pérez, operador de Transportes Garza": the role goes with the company
            return raw[:k], norm[:k]
    return raw, norm


def _without_restart(raw: list[str], norm: list[str], text: str) -> tuple[list[str], list[str]]:
    """ "Juan. Juan Pérez.", "Pérez, Juan Pérez": words said first, a pause, and then again in the full
    name (the full name starts with them, or they are a surname said first); a given name that comes
    again inside the name is the name's own ("José Carlos María José Posada", made-up set 22), and so is
    one written twice with no pause between ("Emiliano Emiliano Lerma Alejandro", made-up text set 93)."""
    from daisy.understanding.name_lexicon import given

    for k in (2, 1):
        rest = norm[k:]
        paused = len(raw) >= k and re.search(re.escape(raw[k - 1]) + r"\s*[.,;:!?…]", text) is not None
        if len(rest) >= 2 and len(rest) > k and all(w in rest for w in norm[:k]) \
                and not any(w in PARTICLES for w in norm[:k]) \
                and (rest[:k] == norm[:k] and paused or not any(given(w) for w in norm[:k])):
            return raw[k:], norm[k:]
    return raw, norm


def read_name(text: str, lang: str) -> str | None:
    """The caller's name, capitalized, or None when the answer is clearly not a name."""
    try:
        if not is_english(lang):
            text = _ARTICLE_SPLIT.sub(_given_name_split, text)
        text = _POSSESSIVE_LAST.sub(r"\1s", text)
        asides = name_asides.split(last_version(text), lang)
        name = _read_name(asides.name_text, lang)
        if name and _spelled_only(name):
            return None  # "Tango Hotel Oscar Mike Alpha Sierra": letters spelled, the given name lost
        if not name and asides.letters:
            name = _given_before_letters(asides.name_text)
        if name:
            name = _first_of_two_copies(name)
        if name and is_english(lang):
            name = _once_each(name)
        elif name and " " in name:
            # a Mexican's two surnames are two words: Whisper's hyphen between them is its own
            # ("Isaac Javier Ureña-Laureano", made-up set 14); a given name's stays ("Jean-Luc")
            given, rest = name.split(" ", 1)
            name = given + " " + _HYPHEN_IN_A_NAME.sub(" ", rest)
        return name_asides.mend(name, asides, lang) if name else None
    except Exception:  # never crash the call
        return None


_HYPHEN_IN_A_NAME = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_])")
# "Rachel Monty's" for Rachael Montes (Kokoro, made-up set 67): a name's last word written with a
# possessive is a surname ending in s, heard; no name is spelled so (O'Brien's apostrophe comes before).
# Capitalized, as Whisper writes names: a trailing "that's" is no name.
_POSSESSIVE_LAST = re.compile(r"\b([A-Z][^\W\d_]+)['’]s(?=[\s.,!?]*$)")
# "El hoy Guerrero", "El Vira": a given name Whisper split after its first syllable into an article and
# a word (Kokoro's Eloy, Elvira; 5 such on made-up sets 15-32, all of them so)
_ARTICLE_SPLIT = re.compile(r"\b(El|La|Al)\s+h?([^\W\d_]{2,})", re.IGNORECASE)


def _given_name_split(m: re.Match[str]) -> str:
    from daisy.understanding import name_lexicon  # (it builds on the speller, as this module does)

    joined = m.group(1) + m.group(2).lower()
    return joined if name_lexicon.given(joined) and not name_lexicon.known(m.group(2)) else m.group(0)


def _surname_after_given(free: list[str], k: int) -> bool:
    """The word at `k` is a surname the lexicon knows and a given name it knows comes first."""
    from daisy.understanding import name_lexicon  # (it builds on the speller, as this module does)

    return name_lexicon.given(free[0]) and name_lexicon.known(free[k]) and not name_lexicon.given(free[k])


def _spelled_only(name: str) -> bool:
    """Three NATO words or more, and as many as the other words: a spelling read as a name."""
    nato = sum(map(is_nato_word, name.split()))
    return nato >= 3 and 2 * nato >= len(name.split())


def _once_each(name: str) -> str:
    """ "Tammy Smith Smith": a word written twice running, as Whisper echoes a last word, is said once
    in an English name (a Mexican one may well be "Hernández Hernández")."""
    words = name.split()  # (but spelled letters do come twice: "Lima Lima")
    return " ".join(w for k, w in enumerate(words)
                    if k == 0 or w.lower() != words[k - 1].lower() or is_nato_word(w) or len(w) == 1)


def _first_of_two_copies(name: str) -> str:
    """ "Monica Garcia Monica Darcy": the whole name written twice, the second copy bent a little, as
    Whisper echoes a short answer (espeak-ng, made-up sets 53-57: "Ángel Arromíque Estodemo Ángel
    Arromíque Estodemos" too) is said once, as first written. Only two copies of two words or more,
    the same given name first, word for word alike: a given name that comes again in a longer name is
    the name's own ("José Carlos María José Posada")."""
    words = name.split()
    half = len(words) // 2
    if half < 2 or len(words) != 2 * half:
        return name
    folded = [strip_accents(w.lower()) for w in words]
    if folded[0] != folded[half]:
        return name
    from rapidfuzz.fuzz import ratio  # (only for a name that may be two copies)

    alike = all(ratio(folded[k], folded[half + k]) >= _COPY_ALIKE for k in range(1, half))
    return " ".join(words[:half]) if alike else name


# how alike (rapidfuzz ratio, 0-100) each word of the second copy is to the first: "Darcy" for
# "Garcia" is 55, "Estodemos" for "Estodemo" 94; two different surnames ("Posada", "Carlos") 33
_COPY_ALIKE = 50


def _given_before_letters(text: str) -> str | None:
    """ "Jade, Hotel Alpha Yankee Echo Sierra": one word said before a spelled surname is the given name,
    known to the lexicon or not (alone it would be too likely noise to be taken for a name)."""
    words = re.findall(r"[^\W\d_]+", text)
    if len(words) != 1 or len(words[0]) < 2 or normalize(words[0]) in _COMMON:
        return None
    return _cap(words[0], True)


# Whisper glues a lead-in to what follows: "Minombre Leticia…", "Simi nombre Silvia…" (sí, mi nombre).
_GLUED_LEAD = re.compile(r"(?i)\b(?:s[ií],?\s?)?m[ií]\s?nombre\b")
# ...and "sí, soy" run together at the start ("Siso y Trinidad…", "Sisoy Martín…", "Siso Eric…")
_GLUED_SI_SOY = re.compile(r"(?i)^\s*s[ií]\s?so(?:\s?y)?\b")


def _read_name(text: str, lang: str) -> str | None:
    if not isinstance(text, str) or not text.strip():
        return None
    as_said = text  # (with its punctuation: a pause before a name said again is a restart)
    text = _GLUED_SI_SOY.sub("sí soy", _GLUED_LEAD.sub("mi nombre", text))
    if "?" in text or "¿" in text:
        # "Juan Pérez, ¿me escuchas?": the question goes, the name stays
        text = _QUESTION.sub(" ", text)
        if "?" in text or "¿" in text or not text.strip(" ,.;:!"):
            return None
    # "Ramón Ybarra, con y griega": a spelling hint after the name is not part of it
    text = _SPELLING_HINT.sub("", text)
    # "Ya te dije, Ramiro Ochoa": drop whole phrases made only of everyday words
    said_intro = any(_contains(normalize(text).split(), p) for p in _INTRO_WORDS)
    segments = [seg for seg in _SEGMENTS.split(text) if seg.strip()]
    if len(segments) > 1:
        kept = [seg for seg in segments if not _all_common(seg)]
        if kept:
            text = " ".join(kept)
    # words as written (accents kept), punctuation dropped except inner hyphens and apostrophes
    raw = [w.strip("-'’") for w in re.split(r"[^\w'’-]+", text) if w.strip("-'’_")]
    if not raw or any(any(ch.isdigit() for ch in w) for w in raw):
        return None
    norm = [normalize(w) for w in raw]
    # "Hola, buenas tardes, soy Ramón": the name follows the last introduction
    cut = _last_intro(norm)
    if cut:
        raw, norm = raw[cut:], norm[cut:]
    # "Juan, y mi apellido es Pérez": the surname joins the given name
    for k in range(len(norm) - 1, -1, -1):
        if norm[k] in ("apellido", "apellidos", "surname") and k + 1 < len(norm):
            end = k + 1
            if norm[end] in ("es", "son", "is"):
                end += 1
            start = k
            while start > 0 and norm[start - 1] in ("y", "mi", "and", "my", "primer", "segundo", "last"):
                start -= 1
            raw, norm = raw[:start] + raw[end:], norm[:start] + norm[end:]
            break
    if any(not n for n in norm):
        keep = [(r, n) for r, n in zip(raw, norm, strict=True) if n]
        raw, norm = [r for r, _ in keep], [n for _, n in keep]
    for k in range(1, len(norm) - 1):  # "Montoya en los Santos": no name has "en los", it is "de los"
        if norm[k] == "en" and norm[k + 1] in ("la", "las", "los"):
            raw[k] = norm[k] = "de"
    if _QUESTION_START.match(" ".join(norm)):
        return None
    intro = False
    # Indexes, not re-slicing the lists at each word: a long answer stays linear.
    start, end = 0, len(norm)
    while start < end:
        k = _match_lead(norm[start: start + _LONGEST_LEAD], _LEAD_WORDS)
        if not k and end - start > 1 and (norm[start] in _COMMON or norm[start] in PARTICLES) \
                and (norm[start] not in PARTICLES - {"y", "e"} or norm[start + 1] in _COMMON):
            k = 1  # "fíjate que es Juan Pérez", "ok son Juan Pérez": talk before the name
        if not k:
            break
        if " ".join(norm[start: start + k]) in _INTRO:
            intro = True
        start += k
    while start < end:
        for tail in _TAIL_WORDS:
            if end - start > len(tail) and norm[end - len(tail): end] == tail:
                end -= len(tail)
                break
        else:
            bent = _bent_tail(norm[start:end]) if end - start > 2 else 0
            if bent:
                end -= bent
                continue
            break
    raw, norm = raw[start:end], norm[start:end]
    raw, norm = _without_company(raw, norm)
    raw, norm = _without_restart(raw, norm, as_said)
    if not raw or len(raw) > 7:
        return None
    if any(not _NAME_TOKEN.match(w) for w in raw):
        return None
    numbers = word_table("es").keys() | word_table("en").keys()
    content = [n for n in norm if n not in PARTICLES]
    # a word after "de la", "del", "de los" is a surname, however common ("de la O", "de la Cruz")
    surname_after = {k for k in range(1, len(norm)) if norm[k - 1] in ("la", "las", "los", "del")}
    free = [n for k, n in enumerate(norm) if n not in PARTICLES and k not in surname_after]
    if not content or any(n in numbers for n in free):
        return None
    if norm[0] in PARTICLES - {"de", "del", "la", "van", "von", "da", "di", "du", "le"}:
        return None  # "Y flota bien": a name does not start with "y"
    ends_common = len(free) > 1 and free[-1] in _COMMON and not _surname_after_given(free, len(free) - 1)
    if any(re.search(r"\w['’]s$", w) for w in raw) or (intro and ends_common):
        return None  # "Stephen's lore is…": a sentence, not a name (a possessive; ending on a word like "is")
    # (a surname that is also an everyday word, after a given name the lexicon knows, is the surname:
    # "Ángela Llamas", "María Luisa Jaimes Bueno")
    common = sum(1 for k, n in enumerate(free) if n in _COMMON and not (k and _surname_after_given(free, k)))
    if common and (common >= len(content) / 2 or not intro):
        return None
    intro = intro or said_intro
    if len(content) == 1 and not intro and content[0] not in _FIRST_NAMES:
        return None  # a lone unknown word ("Benvidos") is more likely noise than a name
    if any(len(n) == 1 for n in content) and len(content) <= 1:
        return None
    return " ".join(_cap(w, k == 0) for k, w in enumerate(raw))


def without_particles_spelled_into(given: str, surname: str) -> str:
    """The names before a spelled surname, less the particles at their end that the spelling starts
    with: Whisper wrote "Delgadillo" as "del Gadillo", so the caller refused "Villarreal del Badillo"
    and spelled D-E-L-G-A-…; the "del" was the surname's own start, not a particle ("de la" before a
    spelled "Cruz" stays)."""
    words = given.split()
    folded = strip_accents(surname.lower())
    for k in range(len(words)):
        tail = words[k:]
        particles = strip_accents("".join(tail).lower())
        if all(w.lower() in PARTICLES for w in tail) and folded.startswith(particles):
            return " ".join(words[:k])
    return given
