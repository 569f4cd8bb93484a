"""Entry point: `python app.py` serves the board; `gunicorn app:server` runs it in production."""
from mios_dashboard import create_app
from mios_dashboard.config import Settings

settings = Settings.from_env()
app = create_app(settings, prepare=True)
server = app.server

if __name__ == "__main__":
    app.run(host=settings.host, port=settings.port, debug=settings.debug)
