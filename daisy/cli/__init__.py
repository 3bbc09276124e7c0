"""The `daisy` command line. Each module registers its own commands and imports heavy stacks
(voice, web, telephony) only inside the command that needs them, so `daisy chat` starts fast."""
