"""The roster of known drivers: who drives for the brokerage, their phone and what they usually drive.

One row per phone number (E.164). SQLAlchemy Core like the call tables, on the same metadata, so it
lives in the same SQLite or PostgreSQL database; the table is created on first use.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from datetime import UTC, datetime

from sqlalchemy import Column, Engine, String, Table, delete, insert, select, update
from sqlalchemy import exc as sa_exc

from daisy.records.engine import get_engine
from daisy.records.store import Store, open_store
from daisy.records.tables import UtcDateTime, metadata

# The columns of a roster file and of the table, besides the phone.
VALUE_COLUMNS = ("name", "tractor_number", "tractor_plates", "trailer_number", "trailer_plates", "email")

drivers = Table(
    "drivers",
    metadata,
    Column("phone", String(32), primary_key=True),  # E.164
    Column("name", String(256)),
    Column("tractor_number", String(32)),
    Column("tractor_plates", String(16)),
    Column("trailer_number", String(32)),
    Column("trailer_plates", String(16)),
    Column("email", String(256)),
    Column("updated_at", UtcDateTime, nullable=False),
    # What last changed the row: "import", or the id of the call it was learned from.
    Column("updated_from", String(64), nullable=False),
)


@dataclass(frozen=True)
class Driver:
    phone: str
    name: str | None = None
    tractor_number: str | None = None
    tractor_plates: str | None = None
    trailer_number: str | None = None
    trailer_plates: str | None = None
    email: str | None = None
    updated_at: datetime | None = None
    updated_from: str = "import"

    def values(self) -> dict[str, str]:
        """The known values by roster column (empty ones left out)."""
        return {c: v for c in VALUE_COLUMNS if (v := getattr(self, c))}

    def as_json(self) -> dict[str, str | None]:
        out = asdict(self)
        out["updated_at"] = self.updated_at.isoformat() if self.updated_at else None
        return out


class Roster:
    def __init__(self, store: Store) -> None:
        self.url = store.url
        self._writer: Engine = get_engine(store.url, writer=True)
        self._reader: Engine = get_engine(store.url, writer=False)
        try:
            drivers.create(self._writer, checkfirst=True)
        except (sa_exc.IntegrityError, sa_exc.ProgrammingError):
            pass  # another process created it at the same moment (PostgreSQL)

    def import_rows(
        self, rows: Iterable[Mapping[str, str | None]], columns: Iterable[str]
    ) -> tuple[int, int]:
        """Add or update drivers in one transaction: all rows or none. Each row has a "phone" and the
        file's `columns`; columns the file lacks keep what the roster had. Returns (added, updated)."""
        rows = list(rows)
        columns = [c for c in columns if c in VALUE_COLUMNS]
        now = datetime.now(UTC)
        added = updated = 0
        with self._writer.begin() as conn:
            phones = [r["phone"] for r in rows]
            have = set(conn.execute(select(drivers.c.phone).where(drivers.c.phone.in_(phones))).scalars())
            for row in rows:
                values = {c: row.get(c) or None for c in columns}
                stamp = {"updated_at": now, "updated_from": "import"}
                if row["phone"] in have:
                    conn.execute(
                        update(drivers).where(drivers.c.phone == row["phone"]).values(**values, **stamp)
                    )
                    updated += 1
                else:
                    conn.execute(insert(drivers).values(phone=row["phone"], **values, **stamp))
                    added += 1
        return added, updated

    def list(self) -> list[Driver]:
        with self._reader.connect() as conn:
            rows = conn.execute(select(drivers).order_by(drivers.c.name, drivers.c.phone)).all()
        return [Driver(**r._mapping) for r in rows]

    def get(self, phone: str) -> Driver | None:
        with self._reader.connect() as conn:
            row = conn.execute(select(drivers).where(drivers.c.phone == phone)).first()
        return Driver(**row._mapping) if row else None

    def remove(self, phone: str) -> bool:
        with self._writer.begin() as conn:
            return conn.execute(delete(drivers).where(drivers.c.phone == phone)).rowcount > 0

    def learn(self, phone: str, values: Mapping[str, str], call_id: str) -> bool:
        """Store values a call confirmed for a known driver; False when the phone is not in the roster."""
        values = {c: v for c, v in values.items() if c in VALUE_COLUMNS}
        if not values:
            return False
        with self._writer.begin() as conn:
            done = conn.execute(
                update(drivers)
                .where(drivers.c.phone == phone)
                .values(**values, updated_at=datetime.now(UTC), updated_from=call_id[:64])
            )
            return done.rowcount > 0


def open_roster(url: str | None = None) -> Roster:
    """The roster in the records database (`url`, else the settings'); StoreError if it cannot open."""
    return Roster(open_store(url))
