"""Known drivers: the operator's roster (phone, name, tractor, trailer, email), read from a CSV file,
and what a call does with it (offer the known values for a yes, learn changed ones when allowed).

Storage is `daisy.records.roster`; the dialogue core only ever sees the known values as data.
"""
