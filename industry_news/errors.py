"""Errors a command reports to the user as one line."""


class CommandError(Exception):
    """A failure the user can act on: printed as one line, exits with `code`."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code
