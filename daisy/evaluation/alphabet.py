"""Letters as callers say them: letter names (as recognizers write them), key words, NATO words.

Tables are written one letter a line, alternatives separated by "|", to stay readable.
"""

from __future__ import annotations


def _table(text: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for line in text.strip().splitlines():
        letter, names = line.split(":", 1)
        out[letter.strip()] = [n.strip() for n in names.split("|")]
    return out


# Spanish letter names as the recognizer writes them (it drops the h of "hache", hears "ce" as "se").
ES_LETTER_NAMES = _table("""
A: a
B: be | be grande
C: ce | se
D: de
E: e
F: efe
G: ge
H: hache | ache
I: i
J: jota
K: ka
L: ele
M: eme
N: ene
Ñ: eñe
O: o
P: pe
Q: cu
R: erre | ere
S: ese
T: te
U: u
V: ve | uve | ve chica | be chica
W: doble u | doble ve
X: equis | ekis
Y: i griega | ye
Z: zeta
""")

# English: the recognizer mostly writes the capital, sometimes the name.
EN_LETTER_NAMES = _table("""
A: A
B: B | bee
C: C | see
D: D | dee
E: E
F: F | eff
G: G | gee
H: H | aitch
I: I
J: J | jay
K: K | kay
L: L
M: M
N: N
O: O
P: P | pee
Q: Q | cue
R: R | are
S: S
T: T | tee
U: U | you
V: V | vee
W: W | double you
X: X | ex
Y: Y | why
Z: Z | zee
""")

# The NATO words, used by drivers in both languages.
NATO = {
    k: v[0]
    for k, v in _table("""
A: Alfa
B: Bravo
C: Charlie
D: Delta
E: Echo
F: Foxtrot
G: Golf
H: Hotel
I: India
J: Juliett
K: Kilo
L: Lima
M: Mike
N: November
O: Oscar
P: Papa
Q: Quebec
R: Romeo
S: Sierra
T: Tango
U: Uniform
V: Victor
W: Whiskey
X: X-ray
Y: Yankee
Z: Zulu
""").items()
}

# Key words Mexican drivers pick on the spot ("M de Monterrey"): any word works, its first letter counts.
ES_KEYS = _table("""
A: Avión | Aguacate | Ana | Acapulco
B: Barco | Bota | Bolívar | Bueno
C: Casa | Culiacán | Coche | Carmen
D: Durango | Dado | Diana | Delfín
E: Escuela | Enrique | Estrella | Ensenada
F: Foco | Fresa | Felipe | Fierro
G: Guadalajara | Gallo | Gato | Gloria
H: Hotel | Hidalgo | Hormiga | Hilo
I: Iglesia | Isla | Irapuato | Iguana
J: Juárez | Jarro | Jorge | Jabón
K: Kiosko | Karla | Kilómetro | Koala
L: Lupe | Limón | León | Luna
M: Monterrey | Mesa | Manzana | María
N: Nayarit | Nopal | Naranja | Nube
O: Oaxaca | Oso | Oro | Olivia
P: Puebla | Pato | Perro | Paco
Q: Querétaro | Queso | Quintana | Quique
R: Rosa | Rancho | Ratón | Reynosa
S: Sonora | Silla | Sapo | Sol
T: Toluca | Taco | Tomate | Toro
U: Uva | Uruapan | Uno | Úrsula
V: Veracruz | Vaso | Venado | Victoria
W: Washington | Wendy | Walter | Waffle
X: Xochimilco | Xóchitl | Xalapa | Xilófono
Y: Yucatán | Yoyo | Yegua | Yolanda
Z: Zacatecas | Zorro | Zamora | Zanahoria
""")

# English key words ("B as in Boy").
EN_KEYS = _table("""
A: Apple | Adam
B: Boy | Baker
C: Cat | Charles
D: Dog | David
E: Edward | Easy
F: Frank | Fox
G: George | Green
H: Henry | House
I: Ice | Ida
J: John | Jack
K: King | Kite
L: Larry | Lucy
M: Mary | Mother
N: Nancy | Nora
O: Ocean | Otto
P: Peter | Paul
Q: Queen | Quiet
R: Robert | Red
S: Sam | Sugar
T: Tom | Texas
U: Under | Utah
V: Victory | Van
W: William | Water
X: X-ray | Xerox
Y: Yellow | Young
Z: Zebra | Zoo
""")
