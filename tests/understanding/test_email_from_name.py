"""An address the recognizer bent is set right by the caller's confirmed name, and only then: other
callers' names, addresses of real name words and far-off readings stay as heard."""

from __future__ import annotations

import pytest

from daisy.understanding.email_from_name import names_set_right, toward_name, with_initial


@pytest.mark.parametrize(
    ("heard", "name", "lang", "address"),
    [
        # given.surname, each part bent ("Bend the dot with field 63", "Lonnie dot put 78")
        ("bendthe.withfield63@gmail.com", "Brenda Whitfield", "en", "brenda.whitfield63@gmail.com"),
        ("lonnie.put78@gmail.com", "Lonnie Pruitt", "en", "lonnie.pruitt78@gmail.com"),
        ("brandenwithfield@gmail.com", "Brandon Whitfield", "en", "brandonwhitfield@gmail.com"),
        # an initial said as its letter's name ("eme torres", "ce meléndez")
        ("emetores81@fletes.mx", "María Guadalupe Torres Ávila", "es", "mtorres81@fletes.mx"),
        ("semmelendes36@outlook.com", "Claudia Meléndez", "es", "cmelendez36@outlook.com"),
        # names run together, accents and particles left out of the address
        ("silviacalmona@gmail.com", "Silvia Carmona Durán", "es", "silviacarmona@gmail.com"),
        ("rigovertosalidasono@hotmail.com", "Rigoberto Salinas Peña", "es", "rigobertosalinas@hotmail.com"),
        ("tosemontoria@hotmail.com", "José Ángel Montoya de los Santos", "es", "josemontoya@hotmail.com"),
        ("actor_manuel54@gmail.com", "Héctor Manuel Garza", "es", "hector_manuel54@gmail.com"),
        # a name of its own a letter off the caller's (made-up set 13)
        ("iglesia72@transportesnava.mx", "Ignacio Bravo Iglesias", "es", "iglesias72@transportesnava.mx"),
        ("david38@gmail.com", "Howard Davis", "en", "davis38@gmail.com"),
        # names of their own that sound exactly as the caller's, written the other way (s/z, b/v)
        ("martin_quesada70@live.com.mx", "Martín Quezada", "es", "martin_quezada70@live.com.mx"),
        ("gonzalez64@gmail.com", "Isabela Uribe Gonzales", "es", "gonzales64@gmail.com"),
        ("silvia.baldes@gmail.com", "Silvia Valdés", "es", "silvia.valdes@gmail.com"),
        # the Spanish j written h, as an English speller writes that sound ("Hacke" for Jáquez)
        ("patricia_hacke90@live.com.mx", "Patricia Ramírez Jáquez", "es", "patricia_jaquez90@live.com.mx"),
        ("balares25@hotmail.com", "Ulises Valadez", "es", "valadez25@hotmail.com"),
        # both parts heard: the surname a bent word, not dropped (made-up set 16)
        ("silvano.mx@hotmail.com", "Silvano Meza", "es", "silvano.meza@hotmail.com"),
    ],
)
def test_a_bent_address_made_of_the_callers_name_is_that_name(
    heard: str, name: str, lang: str, address: str
) -> None:
    assert toward_name(heard, name, lang) == address


@pytest.mark.parametrize(
    ("heard", "name", "lang"),
    [
        # another driver's name: nothing alike
        ("bendthe.withfield63@gmail.com", "Claudia Meléndez", "es"),
        ("travis.holloway@icloud.com", "Brenda Whitfield", "en"),
        # already an arrangement of the name
        ("juanrosa@hotmail.com", "Juan Carlos de la Rosa Medina", "es"),
        ("jrosa@hotmail.com", "Juan Carlos de la Rosa Medina", "es"),
        # words that are names of their own: someone's real address, not a bent one
        ("carlos.medina99@gmail.com", "Carlos Mendoza", "es"),
        ("juan.perez@gmail.com", "Juan Carlos de la Rosa Medina", "es"),
        # ...even sounding as the caller's in English, where spelling does not follow sound
        ("steven.flores@gmail.com", "Stephen Flores", "en"),
        # a name heard right with what was lost around it: nothing to set right
        ("susana_36@gmail.com", "Susana Toro", "es"),
        # heard as one arrangement already, its letters as written ("ccorona" sounds as "corona")
        ("ccorona@hotmail.com", "Concepción Rubio Corona", "es"),
        # two parts heard: never the given name alone, the second part dropped (May was misheard "me")
        ("randy.me@aol.com", "Randy May", "en"),
        # too far from any arrangement
        ("chao.metancold30@live.com.mx", "Saúl Betancourt Nava", "es"),
        ("mdashmail@yahoo.com", "Marcus Bell", "en"),
        # no name, no address, too little heard
        ("brenda.whitfield@gmail.com", "", "en"),
        ("brenda.whitfield", "Brenda Whitfield", "en"),
        ("bw@gmail.com", "Brenda Whitfield", "en"),
    ],
)
def test_an_address_not_made_of_the_callers_name_stays_as_heard(heard: str, name: str, lang: str) -> None:
    assert toward_name(heard, name, lang) is None


def test_an_address_heard_from_its_separator_on_gets_the_given_name_before_it() -> None:
    # "Con el guion bajo mesa 68" (Kokoro, made-up set 22), "And not English" (espeak-ng, set 15): no
    # address starts with a separator, so what was said before it was lost
    assert toward_name("_mesa68@outlook.com", "Cornelio Aldonza Mesa", "es") == "cornelio_mesa68@outlook.com"
    assert toward_name(".english@hotmail.com", "Jon English", "en") == "jon.english@hotmail.com"
    # ...only when what was heard is near a surname of the caller's, and never when it was spelled
    assert toward_name("_garcia@gmail.com", "Juan Pérez", "es") is None
    assert toward_name(".english@hotmail.com", "Jon English", "en", spelled=True) is None


def test_a_spelled_address_a_letter_or_two_off_the_callers_name_is_that_name() -> None:
    # "Bravo, Romeo, Echo, …" with its first and a later letter bent
    assert toward_name("rrenda.whithfield12@hotmail.com", "Brenda Whitfield", "en", spelled=True) == (
        "brenda.whitfield12@hotmail.com"
    )


def test_a_spelled_address_that_shortens_the_name_stays_as_spelled() -> None:
    # spelled "ge, i, ele, be": the caller's address is not the whole given name
    assert toward_name("gilb.cardenas22@gmail.com", "Gilberto Cárdenas de León", "es", spelled=True) is None


def test_a_spelled_address_already_made_of_the_name_keeps_its_spelled_dash() -> None:
    # "Mike, dash, Bravo, Echo, Lima, Lima": the dash was spelled, so it is the caller's
    assert toward_name("m-bell@yahoo.com", "Marcus Bell", "en", spelled=True) is None
    assert toward_name("m-bel@yahoo.com", "Marcus Bell", "en", spelled=True) == "m-bell@yahoo.com"


@pytest.mark.parametrize(
    ("address", "heard", "lang", "mended"),
    [
        ("marcosrollan@live.com.mx", "Marcos rollan junto, arroba line, punto com, punto mx.", "es",
         "marcosroldan@live.com.mx"),
        ("altamerano41@hotmail.com", "Altamerano 41 arroba hotmail punto com.", "es",
         "altamirano41@hotmail.com"),
        ("rosario.elisondo@hotmail.com", "Rosario punto elisondo arroba hotmail punto com.", "es",
         "rosario.elizondo@hotmail.com"),
        # a Spanish double letter written single (Whisper's r for rr); not in an English call
        ("guerero67@outlook.com", "Guerero 67, arroba outlook punto com,", "es", "guerrero67@outlook.com"),
        ("britney_henderson45@aol.com", "Britney, underscore Henderson 45, at aol dot com.", "en", None),
        # an initial is no letter too many: it stays
        ("ccorona@hotmail.com", "ccorona@hotmail.com", "es", None),
        ("jarchuleta@live.com.mx", "jarchuleta@live.com.mx", "es", None),
        # names as heard, and words no name is near, stay
        ("marcosroldan@live.com.mx", "Marcos Roldán junto arroba live punto com punto mx", "es", None),
        ("fletes@fletes.com", "fletes arroba fletes punto com", "es", None),
    ],
)
def test_a_word_of_an_address_a_letter_off_a_known_name_is_that_name(
    address: str, heard: str, lang: str, mended: str | None
) -> None:
    assert names_set_right(address, heard, lang) == mended


def test_a_surname_alone_said_no_to_is_offered_with_the_initial_of_a_given_name_before_it() -> None:
    # Kokoro's "ehines at gmail dot com" heard "hines@gmail.com": the lone letter said first was lost
    refused = frozenset({"hines@gmail.com"})
    assert with_initial("hines@gmail.com", "Eric Hines", refused) == "ehines@gmail.com"
    corona = "corona7@hotmail.com"
    assert with_initial(corona, "Concepción Rubio Corona", frozenset({corona})) == "ccorona7@hotmail.com"
    # only once said no to, only for a surname, and never an initial said no to as well
    assert with_initial("hines@gmail.com", "Eric Hines", frozenset()) is None
    assert with_initial("eric@gmail.com", "Eric Hines", frozenset({"eric@gmail.com"})) is None
    assert with_initial("hines@gmail.com", "Eric Hines", refused | {"ehines@gmail.com"}) is None
