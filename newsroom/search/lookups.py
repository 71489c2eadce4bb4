"""``field__any_of=[…]``: membership in a list sent as one parameter (an array on PostgreSQL,
JSON on SQLite) rather than one placeholder per value, for the 1,000 ids a search ranks."""

import json

from django.db import models


class AnyOf(models.Lookup):
    lookup_name = "any_of"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs, params = self.process_lhs(compiler, connection)
        return f"{lhs} = ANY(%s)", [*params, [int(value) for value in self.rhs]]

    def as_sqlite(self, compiler, connection):
        lhs, params = self.process_lhs(compiler, connection)
        values = json.dumps([int(value) for value in self.rhs])
        return f"{lhs} IN (SELECT value FROM json_each(%s))", [*params, values]


models.Field.register_lookup(AnyOf)
models.ForeignKey.register_lookup(AnyOf)  # "release_id__any_of" (related fields' own lookups)
