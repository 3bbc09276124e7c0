"""Slowing down token guessing, per client address, without holding any worker.

Each client has a small budget of wrong credentials (login form or bearer header) that refills
slowly; once it is spent the client gets 429 with Retry-After at once, so a flood of guesses costs
the server almost nothing and never delays anyone else's requests.
"""

from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict
from collections.abc import Callable

BURST = 10  # wrong tries a client may make in a row (typos, a stale script)
REFILL_PER_S = 1 / 6  # then one more every 6 s: 600 an hour at most
MAX_CLIENTS = 10_000  # addresses remembered; the least recently wrong is forgotten first


class Throttle:
    def __init__(
        self,
        burst: float = BURST,
        refill_per_s: float = REFILL_PER_S,
        max_clients: int = MAX_CLIENTS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.burst = burst
        self.refill_per_s = refill_per_s
        self.max_clients = max_clients
        self.clock = clock
        self._left: OrderedDict[str, tuple[float, float]] = OrderedDict()  # client → (budget, at)
        self._lock = threading.Lock()

    def _budget(self, client: str, now: float) -> float:
        left, at = self._left.get(client, (self.burst, now))
        return min(self.burst, left + (now - at) * self.refill_per_s)

    def take(self, client: str) -> int:
        """Check and charge in one step: 0 and one try taken from the budget (give it back with
        `refund` if the credential was right), or the whole seconds to wait. Checking and charging
        apart let a flood of parallel guesses through between the two (11 of 80 instead of 10)."""
        with self._lock:
            now = self.clock()
            budget = self._budget(client, now)
            if budget >= 1:
                self._remember(client, budget - 1, now)
                return 0
        return max(1, math.ceil((1 - budget) / self.refill_per_s))

    def refund(self, client: str) -> None:
        """The try taken was no wrong credential after all."""
        with self._lock:
            now = self.clock()
            self._remember(client, min(self.burst, self._budget(client, now) + 1), now)

    def _remember(self, client: str, budget: float, now: float) -> None:
        self._left[client] = (budget, now)
        self._left.move_to_end(client)
        while len(self._left) > self.max_clients:
            self._left.popitem(last=False)
