"""What `daisy drivers` tells the operator, in Mexican Spanish first and in English."""

from __future__ import annotations

from typing import Any

_TEXT: dict[str, dict[str, str]] = {
    "es": {
        "cannot_read": "no se puede leer {path}: {reason}",
        "not_utf8": "{path} no es texto UTF-8",
        "empty": "{path} está vacío",
        "no_phone_column": "{path} no tiene columna phone (columnas posibles: {columns})",
        "unknown_column": "{path}: columna desconocida «{column}» (columnas posibles: {columns})",
        "repeated_column": "{path}: la columna «{column}» aparece dos veces",
        "bad_csv": "{path}: no es un CSV válido ({reason})",
        "line": "línea {line}: {what}",
        "cells": "tiene {got} celdas y el encabezado {want}",
        "no_phone": "falta el teléfono",
        "bad_phone": "phone «{value}» no es un número E.164 (como +525512345678)",
        "repeated_phone": "el teléfono {value} ya está en la línea {first}",
        "bad_name": "name «{value}» no es un nombre (letras, de una a seis palabras)",
        "bad_number": "{column} «{value}» no es un número económico posible ({lo} a {hi} letras o dígitos)",
        "bad_plate": "{column} «{value}» no son placas posibles (de 5 a 8 letras y dígitos)",
        "bad_email": "email «{value}» no es un correo posible",
        "nothing_imported": "renglones con errores: {count}; no se importó nada",
        "imported": "conductores importados: {total} (nuevos: {added}, actualizados: {updated})",
        "no_rows": "{path} no tiene conductores",
        "removed": "{phone} quitado del padrón",
        "not_found": "{phone} no está en el padrón",
        "empty_roster": "el padrón está vacío (daisy drivers import ARCHIVO.csv)",
        "count": "conductores en el padrón: {count}",
        "learn_on": "DAISY_ROSTER_LEARN=1: las llamadas actualizan el padrón con los datos nuevos",
        "learn_off": "DAISY_ROSTER_LEARN apagado: las llamadas no cambian el padrón",
    },
    "en": {
        "cannot_read": "cannot read {path}: {reason}",
        "not_utf8": "{path} is not UTF-8 text",
        "empty": "{path} is empty",
        "no_phone_column": "{path} has no phone column (possible columns: {columns})",
        "unknown_column": "{path}: unknown column {column!r} (possible columns: {columns})",
        "repeated_column": "{path}: column {column!r} appears twice",
        "bad_csv": "{path}: not a valid CSV ({reason})",
        "line": "line {line}: {what}",
        "cells": "has {got} cells and the header {want}",
        "no_phone": "the phone is missing",
        "bad_phone": "phone {value!r} is not an E.164 phone number (like +525512345678)",
        "repeated_phone": "phone {value} is already on line {first}",
        "bad_name": "name {value!r} is not a name (letters, one to six words)",
        "bad_number": "{column} {value!r} is not a possible fleet number ({lo} to {hi} letters or digits)",
        "bad_plate": "{column} {value!r} is not a possible plate (5 to 8 symbols, letters and digits)",
        "bad_email": "email {value!r} is not a possible address",
        "nothing_imported": "rows with errors: {count}; nothing was imported",
        "imported": "drivers imported: {total} (new: {added}, updated: {updated})",
        "no_rows": "{path} holds no drivers",
        "removed": "{phone} removed from the roster",
        "not_found": "{phone} is not in the roster",
        "empty_roster": "the roster is empty (daisy drivers import FILE.csv)",
        "count": "drivers in the roster: {count}",
        "learn_on": "DAISY_ROSTER_LEARN=1: calls update the roster with new values they confirm",
        "learn_off": "DAISY_ROSTER_LEARN off: calls never change the roster",
    },
}


def text(lang: str, key: str, **slots: Any) -> str:
    table = _TEXT["en"] if lang.lower().startswith("en") else _TEXT["es"]
    return table[key].format(**slots)
