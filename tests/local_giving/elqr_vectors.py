"""Real ELQR links from Kyrgyz banks: test data only.

Published by the open-source qr-kg/elqr-js project (tests/real-vectors.test.ts, MIT
licence): codes exported from MBank, DCB, O!Bank, Bakai Bank, Finik and Elcart. The
data is copied; none of that project's code is.
"""

# name -> (link, payee name (59), provider (32/00), recipient (32/10), amount in tyiyn, type)
VECTORS = {
    "dcb": (
        "https://pay.payqr.kg#00020101021132790009qr.dcb.kg010413251012996554185519112601jz8h34f4"
        "kwb0d8myn2qs5gsm12021113021233390005340770126Simbank-%D0%BF%D0%BE%20%D0%BD%D0%BE%D0%BC"
        "%D0%B5%D1%80%D1%83%20%D1%82%D0%B5%D0%BB%D0%B5%D1%84%D0%BE%D0%BD%D0%B0520473995907Simba"
        "nk530341763045e93",
        "Simbank",
        "qr.dcb.kg",
        "996554185519",
        None,
        "11",
    ),
    "mbank": (
        "https://app.mbank.kg/qr/#00020101021132440012c2c.mbank.kg0102021012996554185519130212520"
        "4999953034175909KIRILL%20B.63047129",
        "KIRILL B.",
        "c2c.mbank.kg",
        "996554185519",
        None,
        "11",
    ),
    "mbank_c2b": (
        "https://app.mbank.kg/qr/#00020101021132750012c2b.mbank.kg010202101610332200022805291123"
        "%D0%9E%D1%81%D0%9E%D0%9E%20%22%D0%94%D0%B8%D0%B4%D0%B6%D0%B8%D1%82%D0%B0%D0%BB%20%D0%A1"
        "%D0%BE%D0%BB%D1%8E%D1%88%D0%BD%D1%81%221302123422mbiz%3A27621834%3A1866030852049999530"
        "34175924OsOO%20Didzhital%20Soliushns6304a891",
        "OsOO Didzhital Soliushns",
        "c2b.mbank.kg",
        "1033220002280529",
        None,
        "11",
    ),
    "obank": (
        "https://api.dengi.o.kg/#00020101021132680012p2p.dengi.kg010485801112138340699251101299"
        "65541855191202111302123409%D0%9A%D0%98%D0%A0%D0%98%D0%9B%D0%9B%20%D0%91.52047399530341"
        "7540105906O%21Bank6304B9B7",
        "O!Bank",
        "p2p.dengi.kg",
        "996554185519",
        0,
        "11",
    ),
    "obank_amount": (
        "https://api.dengi.o.kg/#00020101021132680012p2p.dengi.kg010485801112557725925821101299"
        "65541855191202121302123409%D0%9A%D0%98%D0%A0%D0%98%D0%9B%D0%9B%20%D0%91.52047399530341"
        "754065556005906O%21Bank630485D0",
        "O!Bank",
        "p2p.dengi.kg",
        "996554185519",
        555600,
        "11",
    ),
    "bakai": (
        "https://bakai.app#00020101021132460011qr.bakai.kg010121016124201005350784913021233120008"
        "BAKAIAPP5204653853034175909Kirill%20B.63046764",
        "Kirill B.",
        "qr.bakai.kg",
        "1242010053507849",
        None,
        "11",
    ),
    "finik_dynamic": (
        "https://qr.finik.kg/#00020101021232810011qr.finik.kg0114averspay-items10328606240d690d4"
        "2e4b036d3dba9d0371a120212130212520448295303417540712412005908Finik-QR6304b127",
        "Finik-QR",
        "qr.finik.kg",
        "8606240d690d42e4b036d3dba9d0371a",
        1241200,
        "12",
    ),
    "finik_static_a": (
        "https://qr.finik.kg/#00020101021132750011qr.finik.kg0114averspay-items10326cc60f3c453e4"
        "286ae7bbbed49208ead1302125204482953034175908Finik-QR630424e3",
        "Finik-QR",
        "qr.finik.kg",
        "6cc60f3c453e4286ae7bbbed49208ead",
        None,
        "11",
    ),
    "finik_static_b": (
        "https://qr.finik.kg/#00020101021132750011qr.finik.kg0114averspay-items1032c728e5bb08764"
        "8b0a96fb55a677b9e721302125204482953034175908Finik-QR63040ad6",
        "Finik-QR",
        "qr.finik.kg",
        "c728e5bb087648b0a96fb55a677b9e72",
        None,
        "11",
    ),
    "elcart": (
        "https://pay.payqr.kg#00020101021132700013p2p.elcart.kg0101110323435fba7738e54e59d8f3e8e6"
        "64785d912021113021253034175204482259199417%20****%20****%20526963049EE1",
        "9417 **** **** 5269",
        "p2p.elcart.kg",
        "3435fba7738e54e59d8f3e8e664785d9",
        None,
        "11",
    ),
}
