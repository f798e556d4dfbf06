"""The demo tenant that ``relais dev`` seeds through the real use cases (command line only)."""
