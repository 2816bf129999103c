"""Importers: public benchmark formats -> bemanna instance data (dicts for `instance_from_data`).

An importer maps a format onto the generic rules of docs/rules.md; it adds no solver path of
its own, so an imported benchmark exercises exactly the engine that real instances use.
"""

from bemanna.importers.curtois import (
    CurtoisData,
    CurtoisError,
    curtois_to_instance_data,
    import_curtois,
    parse_curtois,
)

__all__ = [
    "CurtoisData",
    "CurtoisError",
    "curtois_to_instance_data",
    "import_curtois",
    "parse_curtois",
]
