"""Telephony: LiveKit SIP trunks and dispatch rules, Twilio, outbound dialling, transfer, voicemail.

livekit-api and twilio are imported inside the functions that use them, so that importing this
package (and the CLI that registers its commands) stays fast.
"""
