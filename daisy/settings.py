"""Settings from the environment (and a `.env` file), one place for every adapter."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    # records
    daisy_data_dir: Path = Path("data")
    daisy_database_url: str | None = None
    # voice
    daisy_pipeline: str = "local"  # realtime | cascade | local
    daisy_agent_name: str = "daisy"
    daisy_rephrase: bool = False  # optional LLM rephrasing of Daisy's sentences (cascade/local)
    livekit_url: str | None = None
    livekit_api_key: str | None = None
    livekit_api_secret: str | None = None
    openai_api_key: str | None = None
    openai_base_url: str | None = None  # another OpenAI-compatible endpoint (a proxy, a local server)
    # One noise canceller on the caller's audio: "agent" (LiveKit Cloud's telephony model in the worker,
    # livekit-plugins-noise-cancellation), "sip" (Krisp in LiveKit's SIP service) or "off"
    daisy_noise_cancellation: str = "off"
    daisy_max_call_minutes: float = 20.0  # longest call: the trunk ends it, and so does the worker
    # recordings (daisy.telephony.recording): an audio-only LiveKit Egress per call. The file goes
    # to DAISY_RECORD_PATH ({call_id}, {room}) on the egress service, which must write into the
    # dashboard's DAISY_DATA_DIR/recordings; or to an S3 bucket, played from DAISY_RECORD_URL.
    daisy_record: bool = False
    daisy_record_path: str = "recordings/{call_id}.ogg"
    daisy_record_s3_bucket: str | None = None
    daisy_record_s3_region: str | None = None
    daisy_record_s3_endpoint: str | None = None  # an S3-compatible service (MinIO, R2…)
    daisy_record_s3_access_key: str | None = None
    daisy_record_s3_secret: str | None = None
    daisy_record_url: str | None = None  # https base URL where browsers fetch the bucket's objects
    # web
    daisy_admin_token: str | None = None
    daisy_public_host: str | None = None  # host name(s) browsers use for the dashboard, comma-separated
    daisy_webhook_url: str | None = None
    daisy_webhook_secret: str | None = None
    # telephony
    daisy_transfer_to: str | None = None
    daisy_voicemail: str = "message"  # message | hangup
    # known drivers: a call that confirms a new value for a driver in the roster updates the roster
    daisy_roster_learn: bool = False
    twilio_account_sid: str | None = None
    twilio_auth_token: str | None = None

    @property
    def database_url(self) -> str:
        if self.daisy_database_url:
            return self.daisy_database_url
        return f"sqlite:///{self.daisy_data_dir / 'daisy.db'}"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
