"""How a donor on a Cyrillic keyboard types a reference: look-alike letters for Latin ones."""

# Latin letter of the alphabet -> its Cyrillic look-alikes (upper and lower case).
CYRILLIC = {
    "A": "Аа",
    "B": "Вв",
    "C": "Сс",
    "E": "Ее",
    "H": "Нн",
    "K": "Кк",
    "M": "Мм",
    "P": "Рр",
    "T": "Тт",
    "X": "Хх",
    "Y": "УуҮү",
    "3": "Зз",
}


def cyrillic_twin(code, variant=0):
    """``code`` as typed with Cyrillic look-alikes wherever a letter has one (О in SOS too)."""
    out = []
    for char in code:
        options = CYRILLIC.get(char, "О" if char == "O" else char)
        out.append(options[variant % len(options)])
    return "".join(out)
