"""mirecovery: a desktop assistant for the official Mi Account recovery steps."""

__version__ = "0.1.0"
APP_NAME = "mirecovery"
