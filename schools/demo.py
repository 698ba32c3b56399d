"""Demo schools: Manitoba's two Winnipeg-area divisions share 107 schools; one Alberta and one
Ontario division have a few each. Names are invented."""

from .models import PoliceService, Province, School, SchoolDivision

PROVINCES = [("AB", "Alberta"), ("MB", "Manitoba"), ("ON", "Ontario")]
SERVICES = [
    ("Winnipeg Police Service", "MB"),
    ("Calgary Police Service", "AB"),
    ("Ottawa Police Service", "ON"),
]
DIVISIONS = [
    # name, code, province, police service, number of schools
    ("Winnipeg School Division", "WSD", "MB", "Winnipeg Police Service", 74),
    ("Pembina Trails School Division", "PTSD", "MB", "Winnipeg Police Service", 33),
    ("Calgary Board of Education", "CBE", "AB", "Calgary Police Service", 5),
    ("Ottawa-Carleton District School Board", "OCDSB", "ON", "Ottawa Police Service", 5),
]
STEMS = [
    "Aberdeen", "Assiniboine", "Balmoral", "Birchwood", "Brock", "Carpathia", "Cecil Rhodes",
    "Champlain", "Churchill", "Clifton", "Collège", "Crescentwood", "Dufferin", "Earl Grey",
    "Ecole Riel", "Elmwood", "Faraday", "Fort Garry", "Gladstone", "Glenelm", "Grosvenor",
    "Harrow", "Hugh John", "Inkster", "Isaac Brock", "Job", "Kelvin", "King Edward", "Laura",
    "Lord Nelson", "Luxton", "Machray", "Margaret Park", "Meadows", "Mulvey", "Niakwa",
    "Norquay", "Oakenwald", "Osborne", "Pinkham", "Prairie Rose", "Queenston", "Red River",
    "Riverview", "Robert Browning", "Sargent Park", "Shaughnessy", "Sisler", "Strathcona",
    "Tache", "Tecumseh", "Tuxedo", "Victoria", "Wellington", "Westdale", "Whyte Ridge",
    "Wolseley", "Acadia", "Bonaventure", "Chancellor", "Dalhousie", "Henderson", "Linden",
    "Maple Grove", "Oak Bluff", "Pembina", "Richmond", "St. Avila", "Stevenson", "Waverley",
    "Bison", "Cloverdale", "Heritage", "Killarney", "Lindenwoods", "Ryerson", "Southdale",
    "Tyndall", "Valley Gardens", "Windsor", "Aurora", "Beaumont", "Crestview", "Harmony",
    "Juniper", "Lakeside", "Northwood", "Parkland", "Sunrise", "Willow",
]
# level, lowest, highest, suffix, (min, max) enrolment; weights give a realistic mix.
LEVELS = [
    (School.Level.ELEMENTARY, 0, 6, "School", (180, 520), 60),
    (School.Level.MIDDLE, 7, 8, "Middle School", (300, 700), 15),
    (School.Level.HIGH, 9, 12, "Collegiate", (600, 1600), 17),
    (School.Level.K12, 0, 12, "Community School", (250, 900), 8),
]
STREETS = ["Portage Ave", "Main St", "Pembina Hwy", "Henderson Hwy", "Ellice Ave", "Notre Dame Ave",
           "McPhillips St", "Corydon Ave", "St. Mary's Rd", "Grant Ave", "Waverley St", "Osborne St"]


def seed(ctx):
    rng = ctx.rng_for("schools")
    provinces = {}
    for code, name in PROVINCES:
        provinces[code], _ = Province.objects.get_or_create(code=code, defaults={"name": name})
    services = {}
    for name, province in SERVICES:
        services[name], _ = PoliceService.objects.get_or_create(
            name=name, defaults={"province": provinces[province]}
        )
    stems = list(STEMS)
    rng.shuffle(stems)
    used = 0
    for name, code, province, service, count in DIVISIONS:
        division, _ = SchoolDivision.objects.get_or_create(
            code=code,
            defaults={"name": name, "province": provinces[province], "police_service": services[service]},
        )
        for index in range(count):
            level, low, high, suffix, (smallest, largest), _weight = rng.choices(
                LEVELS, weights=[row[5] for row in LEVELS]
            )[0]
            stem = stems[used % len(stems)]
            school_name = f"{stem} {suffix}" if used < len(stems) else f"{stem} {suffix} {index}"
            used += 1
            School.objects.get_or_create(
                division=division,
                name=school_name,
                defaults={
                    "level": level,
                    "lowest_grade": low,
                    "highest_grade": high,
                    "enrolment": rng.randint(smallest, largest),
                    "address": f"{rng.randint(10, 2999)} {rng.choice(STREETS)}",
                },
            )
