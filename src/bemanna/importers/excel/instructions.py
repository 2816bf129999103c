"""The text of the template's Instruktioner sheet (Swedish, for planners)."""

from __future__ import annotations

INSTRUCTIONS: tuple[str, ...] = (
    "Bemanna – mall för schemaläggning",
    "Fyll i bladen och ladda upp filen i bemanna (eller kör `bemanna import excel FIL.xlsx`). "
    "Varje blad har svenska rubriker på rad 1 och engelska på rad 2; data börjar på rad 3. "
    "Håll musen över en rubrik eller en cell för hjälp; listor visar tillåtna värden.",
    "Utan ett schema från bemanna innehåller mallen en EXEMPELENHET: ersätt den med er enhet.",
    "",
    "Enhet – enhetens kod, beskrivning, schemaperiod (startar en måndag, 1–26 veckor, "
    "rullande eller ej), resurspass, priser, budget, sjukfrånvaro och RÖHS. Ändra bara "
    "kolumnen Värde; kolumnen Fält säger vilket fält raden fyller.",
    "Kompetenser – en rad per kompetens (USK, VB, SSK …) med lön och hur ej täckt behov köps "
    "in. Tomma priser: standardvärdena.",
    "Personal – en rad per anställd: sysselsättningsgrad, kompetens (den första avgör lönen), "
    "heltidsmått, RÖHS-önskan, tillåtna pass och egna regelgränser (tomt: Regler gäller).",
    "Passtyper – en rad per pass: start och slut (TT:MM; ett slut före starten = nästa dag), "
    "en andra del för delad tur, rast i minuter, kompetenser och veckodagar.",
    "Bemanning – behovet per kompetens, veckodagar och tidsband (min och önskat antal). Rader "
    "direkt under varandra med samma kompetens, etikett, dagar och datum är ett behov; behov "
    "för samma kompetens och dag läggs ihop.",
    "Regler – arbetstidsreglerna (AB 2023 som standard): på/av, hård eller mjuk, pris per "
    "brott och gränser. Tider i timmar (rast i minuter).",
    "Frånvaro – känd frånvaro (semester, utbildning) per anställd och datum.",
    "Önskemål – ledig dag, vill ha pass, vill inte ha pass, med en vikt i kronor.",
    "Låsta pass – beslut som ligger fast: ett visst pass ett visst datum, eller ledigt.",
    "",
    "Veckodagar skrivs mån, tis, ons, tor, fre, lör, sön; flera med komma eller som intervall "
    "(mån-fre); 'alla' för hela veckan. Datum ÅÅÅÅ-MM-DD. Ja/nej-fält: ja eller nej.",
    "Fel i en uppladdad fil visas per cell, t.ex. 'Personal!C7: sysselsättningsgrad 120 är "
    "över 100'. Rätta cellerna och ladda upp igen.",
    "Ett dolt blad (_bemanna) bär det som inga blad visar (OB-fönster, helgregler, "
    "frånvarofaktorer per veckodag och band, passgränser per passtyp, behov per pass och "
    "datum). Låt det vara kvar så följer det med tillbaka.",
)
