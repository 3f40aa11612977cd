#!/usr/bin/env python3
"""Writes the CSV corpus beside this script (run once; the files are checked in). Expected outcomes: CorpusCases.cs."""
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
rng = random.Random(20261126)


def write(name, text, bom=False, newline="\n"):
    data = text.replace("\n", newline).encode("utf-8")
    with open(os.path.join(HERE, name), "wb") as f:
        f.write((b"\xef\xbb\xbf" if bom else b"") + data)


def write_spec(name, spec):
    with open(os.path.join(HERE, name.replace(".csv", ".model.json")), "w") as f:
        f.write(json.dumps(spec) + "\n")


def table(header, rows, sep=","):
    return sep.join(header) + "\n" + "".join(sep.join(str(c) for c in row) + "\n" for row in rows)


def comma(x, digits=1):
    return f"{x:.{digits}f}".replace(".", ",")


def semicolon_decimal_comma():
    rows = []
    for _ in range(120):
        temp = rng.uniform(-5, 30)
        humidity = rng.uniform(30, 99)
        rain = 1 if humidity > 75 or (humidity > 60 and temp < 8) else 0
        rows.append([comma(temp), comma(humidity), rng.randint(0, 60), rng.choice(["Nord", "Süd", "Ost", "West"]), rain])
    write("semicolon-decimal-comma.csv", table(["temperatur", "luftfeuchte", "wind_kmh", "region", "regen"], rows, ";"))


def tab_separated():
    rows = []
    for _ in range(100):
        sqft = rng.randint(600, 3500)
        beds = rng.randint(1, 5)
        hood = rng.choice(["Ballard", "Fremont", "Queen Anne", "Capitol Hill", "Rainier Beach"])
        year = rng.randint(1920, 2020)
        price = round(sqft * 310 + beds * 12000 + (year - 1920) * 800 + rng.gauss(0, 20000), 2)
        rows.append([sqft, beds, hood, year, price])
    write("tab-separated.csv", table(["sqft", "bedrooms", "neighborhood", "year_built", "price"], rows, "\t"))


def quoted_fields():
    cities = ['"Portland, OR"', '"Austin, TX"', '"Boston, MA"', '"Denver, CO"', '"Tulsa, OK"', '"Miami, FL"']
    phrases = ["arrived late, box dented", "great service", "slow checkout, friendly staff", "would buy again",
               "the \"\"premium\"\" tier was worth it", "app crashed twice"]
    rows = []
    for i in range(80):
        visits = rng.randint(1, 20)
        spend = round(rng.uniform(5, 400), 2)
        note = f'"Visit {i + 1}: {rng.choice(phrases)},\nfollow-up: {rng.choice(phrases)}"'
        returned = "yes" if visits > 8 or spend > 250 else "no"
        rows.append([rng.choice(cities), note, visits, spend, returned])
    write("quoted-fields.csv", table(["city", "notes", "visits", "spend", "returned"], rows))


def bom():
    rows = []
    for _ in range(60):
        age = rng.randint(18, 80)
        income = rng.randint(12, 180) * 1000
        rows.append([age, income, rng.choice(["retail", "smb", "enterprise"]), "true" if income < 40000 and age < 30 else "false"])
    write("bom.csv", table(["age", "income", "segment", "defaulted"], rows), bom=True)


def crlf():
    rows = []
    for _ in range(60):
        x1 = round(rng.uniform(0, 10), 3)
        x2 = round(rng.uniform(-1, 1), 3)
        rows.append([x1, x2, rng.choice(["red", "green", "blue"]), "yes" if x1 + 3 * x2 > 5 else "no"])
    write("crlf.csv", table(["x1", "x2", "colour", "outcome"], rows), newline="\r\n")


def excel_export():
    rows = []
    for _ in range(90):
        price = rng.uniform(1, 50)
        qty = rng.randint(1, 40)
        rows.append([comma(price, 2), qty, rng.choice(["Ja", "Nein"]), comma(price * qty * 0.19, 2)])
    write("excel-bom-crlf-semicolon.csv", table(["Preis", "Menge", "Rabatt", "Steuer"], rows, ";"), bom=True, newline="\r\n")


def missing_tokens():
    tokens = ["NA", "N/A", "NaN", "null", "None", "?", ""]
    missing_rows = {i * 10 + 3: tokens[i % 7] for i in range(14)}
    rows = []
    for i in range(140):
        reading = rng.uniform(0, 100)
        sensor = rng.choice(["alpha", "beta", "gamma"])
        calibrated = rng.choice(["true", "false"])
        fault = 1 if reading > 70 else 0
        cell = missing_rows.get(i, f"{reading:.2f}")
        if i % 20 == 7:
            sensor = ["n/a", "NULL", "none", "nan", "na", "?", ""][i // 20 % 7]
        if i % 35 == 11:
            calibrated = "?" if i % 2 else "NA"
        rows.append([cell, sensor, calibrated, fault])
    write("missing-tokens.csv", table(["reading", "sensor", "calibrated", "fault"], rows))


def numeric_30pct_empty():
    empty = set(rng.sample(range(100), 30))
    rows = []
    for i in range(100):
        tenure = rng.randint(1, 72)
        charges = round(rng.uniform(20, 120), 2)
        discount = "" if i in empty else round(rng.uniform(0, 0.3), 3)
        rows.append([tenure, charges, discount, 1 if tenure < 12 and charges > 70 else 0])
    write("numeric-30pct-empty.csv", table(["tenure", "monthly_charges", "discount", "churn"], rows))


def label_with_empty_cells():
    empty = set(rng.sample(range(100), 12))
    rows = []
    for i in range(100):
        x1 = round(rng.uniform(0, 1), 4)
        x2 = rng.randint(0, 9)
        rows.append([x1, x2, "" if i in empty else (1 if x1 > 0.5 else 0)])
    write("label-with-empty-cells.csv", table(["x1", "x2", "label"], rows))


def leading_unnamed_index():
    species = {"setosa": (5.0, 3.4, 1.5, 0.2), "versicolor": (5.9, 2.8, 4.3, 1.3), "virginica": (6.6, 3.0, 5.6, 2.0)}
    index = sorted(rng.sample(range(180), 150))
    rows = []
    for i in index:
        name = rng.choice(list(species))
        means = species[name]
        rows.append([i] + [round(rng.gauss(m, 0.25), 1) for m in means] + [name])
    write("leading-unnamed-index.csv", table(["", "sepal_length", "sepal_width", "petal_length", "petal_width", "species"], rows))


def identifier_column():
    customers = rng.sample(range(1000, 99999), 120)
    orders = rng.sample(range(500000, 900000), 120)
    rows = []
    for c, o in zip(customers, orders):
        basket = rng.randint(1, 12)
        amount = round(basket * rng.uniform(3, 30), 2)
        rows.append([f"C-{c:06d}", o, f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", rng.choice(["north", "south", "east", "west"]),
                     basket, amount, "y" if amount > 120 else "n"])
    header = ["customer_id", "order_id", "order_date", "region", "basket_size", "amount", "repeat_buyer"]
    write("identifier-column.csv", table(header, rows))


def free_text_column():
    openers = ["Really", "Not", "Quite", "Surprisingly", "Absolutely", "Somewhat", "Never", "Always"]
    adjectives = ["good", "bad", "sturdy", "flimsy", "useful", "noisy", "comfortable", "overpriced", "cheap"]
    rows = []
    for i in range(100):
        rating = rng.randint(1, 5)
        review = f'"{rng.choice(openers)} {rng.choice(adjectives)}, would rate it {rating} (order {i + 1})"'
        rows.append([rating, rng.randint(0, 50), review, rng.choice(["True", "False"]), 1 if rating >= 4 else 0])
    write("free-text-column.csv", table(["rating", "helpful_votes", "review", "verified", "recommended"], rows))


def penguins(count):
    kinds = {"Adelie": (38.8, 18.3, 190, 3700, ["Torgersen", "Biscoe", "Dream"]),
             "Gentoo": (47.5, 15.0, 217, 5076, ["Biscoe"]),
             "Chinstrap": (48.8, 18.4, 196, 3733, ["Dream"])}
    rows = []
    for i in range(count):
        name = rng.choice(list(kinds))
        bill, depth, flipper, mass, islands = kinds[name]
        sex = "NA" if i % 5 == 2 else rng.choice(["MALE", "FEMALE"])
        rows.append([rng.choice(islands), round(rng.gauss(bill, 2.5), 1), round(rng.gauss(depth, 1.0), 1),
                     round(rng.gauss(flipper, 6)), round(rng.gauss(mass, 350)), sex, name])
    return rows


def text_class_label():
    header = ["island", "bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g", "sex", "species"]
    write("text-class-label.csv", table(header, penguins(150)))


def boolean_spellings():
    mixed = ["TRUE", "False", "tRuE", "YES", "no", "Y", "n", "1", "0", "Yes", "N", "false"]
    rows = []
    for _ in range(120):
        member = rng.choice([True, False])
        card = rng.choice([True, False])
        spend = round(rng.uniform(0, 200), 2)
        churned = (not member and spend < 80) or (not card and spend < 20)
        rows.append(["true" if member else "false", "yes" if card else "no", rng.choice(["y", "n"]), rng.choice(["0", "1"]),
                     rng.choice(mixed), spend, rng.choice(["Yes", "YES", "yes"]) if churned else rng.choice(["No", "NO", "no"])])
    header = ["is_member", "has_card", "newsletter", "opted_in", "paperless", "spend", "churned"]
    write("boolean-spellings.csv", table(header, rows))


def all_empty_column():
    rows = []
    for i in range(80):
        a = rng.randint(0, 100)
        b = round(rng.uniform(0, 1), 3)
        rows.append([a, b, "NA" if i % 9 == 0 else "", "web", 1 if a > 50 else 0])
    write("all-empty-column.csv", table(["a", "b", "notes", "source", "label"], rows))


def tab_decimal_comma():
    rows = []
    for _ in range(80):
        length = rng.uniform(10, 60)
        width = rng.uniform(5, 30)
        rows.append([comma(length, 2), comma(width, 2), rng.choice(["Holz", "Metall", "Glas"]), comma(length * width * 0.8 + rng.gauss(0, 20), 2)])
    write("tab-decimal-comma.csv", table(["laenge_cm", "breite_cm", "material", "gewicht_g"], rows, "\t"))


def windows_1252():
    cities = ["Zürich", "Genève", "Malmö", "Köln", "Bern"]
    rows = [[rng.randint(1, 99), rng.choice(cities), rng.randint(0, 1)] for _ in range(50)]
    rows[0][1] = "Bern"
    rows[1][1] = "Bern"
    rows[2][1] = "Zürich"
    with open(os.path.join(HERE, "windows-1252.csv"), "wb") as f:
        f.write(table(["visits", "city", "label"], rows).encode("cp1252"))


def binary_junk():
    data = bytes(rng.randrange(256) for _ in range(400))
    with open(os.path.join(HERE, "binary-junk.csv"), "wb") as f:
        f.write(b"\x00\x01\x02\x03" + data)


def json_named_csv():
    records = [{"x1": rng.randint(0, 9), "x2": round(rng.uniform(0, 1), 3), "label": rng.randint(0, 1)} for _ in range(50)]
    write("json-named.csv", json.dumps(records, indent=2) + "\n")


def house_listings(name):
    streets = ["Oak", "Maple", "Cedar", "Pine", "Elm", "Birch", "Willow", "Aspen"]
    styles = ["Sunny", "Cozy", "Modern", "Charming", "Spacious", "Renovated"]
    rows = []
    for i in range(100):
        sqft = rng.randint(500, 4000)
        beds = rng.randint(1, 6)
        hood = rng.choice(["Riverside", "Old Town", "Hillcrest", "Lakeview"])
        price = round(sqft * 250 + beds * 15000 + rng.gauss(0, 25000), 2)
        rows.append([sqft, beds, hood, price, f"{rng.choice(styles)} {beds}-bed on {rng.choice(streets)} St #{i + 1}"])
    write(name, table(["sqft", "bedrooms", "neighborhood", "price", "listing_name"], rows))


def text_label_with_empty_cells():
    grades = {"A": 210, "B": 170, "C": 130}
    rows = []
    for i in range(120):
        grade = rng.choice(list(grades))
        weight = round(rng.gauss(grades[grade], 12), 1)
        origin = "" if i % 8 == 5 else rng.choice(["Spain", "Chile", "New Zealand", "Italy"])
        rows.append([weight, round(rng.uniform(0, 10), 1), origin, "" if i % 10 == 3 else grade])
    write("text-label-last-with-empty-cells.csv", table(["weight_g", "colour_score", "origin", "grade"], rows))


def ragged_row():
    rows = [[rng.randint(0, 9), rng.randint(0, 9), round(rng.uniform(0, 1), 2), rng.randint(0, 1)] for _ in range(60)]
    rows[36] = rows[36][:2] + ["0.5", "extra", "1"]
    write("ragged-row.csv", table(["x1", "x2", "x3", "label"], rows))


def unclosed_quote():
    rows = [[rng.choice(["a", "b", "c"]), rng.randint(0, 99), rng.randint(0, 1)] for _ in range(50)]
    rows[19][0] = '"b'
    write("unclosed-quote.csv", table(["group", "x1", "label"], rows))


def declared_numeric_with_text():
    rows = []
    for i in range(70):
        dose = rng.choice([5, 10, 12, 20, 25, 40])
        rows.append([rng.randint(18, 90), "12 mg" if i == 31 else dose, rng.choice(["F", "M"]), 1 if dose >= 20 else 0])
    write("declared-numeric-with-text.csv", table(["age", "dosage_mg", "sex", "responded"], rows))
    write_spec("declared-numeric-with-text.csv", {"columns": {"dosage_mg": "numeric"}})


def binary_label_bad_token():
    rows = []
    for i in range(60):
        x = rng.randint(0, 100)
        rows.append([x, rng.randint(0, 5), "maybe" if i == 42 else ("yes" if x > 50 else "no")])
    write("binary-label-bad-token.csv", table(["score", "visits", "label"], rows))
    write_spec("binary-label-bad-token.csv", {"task": "binary"})


def duplicate_header():
    rows = [[rng.randint(18, 80), rng.randint(0, 5), rng.randint(20, 90), rng.randint(0, 1)] for _ in range(40)]
    write("duplicate-header.csv", table(["Age", "visits", "age", "label"], rows))


def numeric_with_typo():
    rows = []
    for i in range(80):
        bmi = round(rng.uniform(17, 40), 2)
        glucose = round(rng.uniform(70, 200), 1)
        rows.append([bmi if i != 25 else "3o.5", glucose, rng.randint(20, 80), 1 if glucose > 140 else 0])
    write("numeric-with-typo.csv", table(["bmi", "glucose", "age", "diabetic"], rows))


for generate in [semicolon_decimal_comma, tab_separated, quoted_fields, bom, crlf, excel_export, missing_tokens,
                 numeric_30pct_empty, label_with_empty_cells, leading_unnamed_index, identifier_column, free_text_column,
                 text_class_label, boolean_spellings, all_empty_column, tab_decimal_comma, windows_1252, binary_junk, json_named_csv,
                 text_label_with_empty_cells, ragged_row, unclosed_quote, declared_numeric_with_text, binary_label_bad_token,
                 duplicate_header, numeric_with_typo]:
    generate()
house_listings("listings-name-last.csv")
house_listings("listings-name-last-labelled.csv")
write_spec("listings-name-last-labelled.csv", {"labelColumn": "price"})
