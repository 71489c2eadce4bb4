import pytest
from django.db import IntegrityError, transaction


def assert_refused(create):
    """The database itself (not only form validation) refuses the row."""
    with pytest.raises(IntegrityError), transaction.atomic():
        create()
