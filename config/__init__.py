"""The project's configuration: settings (``config.settings``), root URLs, WSGI and ASGI."""
