"""``python -m app``: the ``relais`` command, for when its script is not on the PATH."""

from app.cli import main

if __name__ == "__main__":
    main(prog_name="relais")
