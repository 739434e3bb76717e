"""Errors a user may see. Each carries a Chinese message fit to show as it is."""


class DomainError(Exception):
    """Base class: `message` is a complete Chinese sentence for the user."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class NotFoundError(DomainError):
    pass


class ValidationError(DomainError):
    pass


class DuplicateError(DomainError):
    pass


class InUseError(DomainError):
    pass


class FrozenError(DomainError):
    """An issued notice cannot be edited in place."""


class InputFileError(DomainError):
    """A file given by the user cannot be read (empty, wrong type, too large…)."""
