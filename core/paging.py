"""Pages of a list without counting the whole archive.

An exact count of 100,000 public releases reads them all (or a whole index) at every list
page. A reader pages a few pages deep at most, so the list counts no further than ``AHEAD``
pages past the one asked for: "page 1 of 50", or "page 1 of more than 50" when there are more.
"""

from django.core.paginator import EmptyPage, Paginator
from django.utils.functional import cached_property

AHEAD = 50  # pages counted past the one asked for
# A page number past this is no reader's: it is read as the last page (and a number of forty
# digits would not even fit in the database's LIMIT).
LAST_NUMBER = 100_000


class ListPaginator(Paginator):
    def __init__(self, object_list, per_page, number):
        super().__init__(object_list, per_page)
        self.number = number

    @cached_property
    def count(self):
        """The rows up to ``AHEAD`` pages past the one asked for, and one more when there
        are more still (a slice: the database stops there)."""
        horizon = (self.number + AHEAD) * self.per_page
        return (
            len(self.object_list[: horizon + 1])
            if isinstance(self.object_list, list)
            else self.object_list[: horizon + 1].count()
        )

    @cached_property
    def counted_pages(self):
        """The pages counted: all of them, or the ``AHEAD`` past the one asked for when
        there are more (``more``)."""
        return min(self.num_pages, self.number + AHEAD)

    @cached_property
    def more(self):
        return self.num_pages > self.counted_pages


def page_or_last(object_list, per_page, number):
    """(page, asked): page ``number`` of ``object_list``, the first when it is not a
    number; past the last, the last page, and ``asked`` is the number that was asked for
    (None otherwise) so that the page can say so. A shared link to page 7 of a list that
    has since shrunk still shows releases, never a 404."""
    try:
        number = max(int(number or 1), 1)
    except ValueError:
        number = 1
    paginator = ListPaginator(object_list, per_page, min(number, LAST_NUMBER))
    try:
        return paginator.page(min(number, LAST_NUMBER)), None
    except EmptyPage:
        # The count reached past the asked page: it is exact, and so is the last page.
        return paginator.page(paginator.num_pages), number
