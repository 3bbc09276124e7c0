"""Telephony: LiveKit SIP trunks and dispatch rules, Twilio, outbound dialling, transfer.

Answering machines on outbound calls are told apart by the dialogue core (its greeting step).
livekit-api and twilio are imported inside the functions that use them, so that importing this
package (and the CLI that registers its commands) stays fast.
"""
