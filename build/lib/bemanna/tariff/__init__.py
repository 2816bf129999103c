"""The tariff: what an hour of each kind of labour costs at each minute of the horizon.

Shared by the solver's objective, the checker's prices and the pricing tables, so the three
agree to the öre: the OB clock (`clock`), wages and rates (`rates`), Swedish holidays
(`holidays`) and the price of buying uncovered need per the gap-fill policy (`fill`).
Imports only `bemanna.instance` and `bemanna.units` (never the solver or OR-Tools).
"""
