# A text-adventure engine: rooms, items, a command parser with synonyms and
# abbreviations, an inventory with weight limits, and a scripted play-through.


class GameError(Exception):
    pass


class UnknownCommand(GameError):
    pass


class CannotDoThat(GameError):
    pass


class Item:
    def __init__(self, name, weight, desc, **traits):
        self.name = name
        self.weight = weight
        self.desc = desc
        self.traits = traits

    def __str__(self):
        return self.name

    def __repr__(self):
        return f"Item({self.name!r})"

    def has(self, trait):
        return self.traits.get(trait, False)


class Room:
    def __init__(self, key, title, desc):
        self.key = key
        self.title = title
        self.desc = desc
        self.exits = {}
        self.items = []
        self.locked = {}
        self.dark = False

    def connect(self, direction, other, back=None, locked_by=None):
        self.exits[direction] = other
        if locked_by:
            self.locked[direction] = locked_by
        if back:
            other.exits[back] = self

    def describe(self, can_see):
        if self.dark and not can_see:
            return "It is pitch dark. You might be eaten by something."
        lines = [f"== {self.title} ==", self.desc]
        if self.items:
            names = ", ".join(str(i) for i in self.items)
            lines.append(f"You see: {names}.")
        exits = " ".join(sorted(self.exits))
        lines.append(f"Exits: {exits}")
        return "\n".join(lines)


DIRECTIONS = {"n": "north", "s": "south", "e": "east", "w": "west",
              "u": "up", "d": "down"}
VERB_SYNONYMS = {
    "go": "go", "walk": "go", "move": "go",
    "take": "take", "get": "take", "grab": "take", "pick": "take",
    "drop": "drop", "leave": "drop",
    "look": "look", "l": "look",
    "inventory": "inventory", "i": "inventory", "inv": "inventory",
    "open": "open", "unlock": "open",
    "light": "light", "examine": "examine", "x": "examine",
    "read": "examine", "score": "score",
}
STOP_WORDS = {"the", "a", "an", "up", "at", "to"}


class Player:
    MAX_WEIGHT = 10

    def __init__(self, room):
        self.room = room
        self.inventory = []
        self.moves = 0
        self.score = 0
        self.lamp_lit = False
        self.visited = {room.key}

    @property
    def carried(self):
        return sum(i.weight for i in self.inventory)

    def find(self, name, where):
        matches = [i for i in where if i.name == name or i.name.endswith(" " + name)]
        if not matches:
            raise CannotDoThat(f"There is no {name} here.")
        return matches[0]


def parse(line):
    words = [w for w in line.lower().replace(",", " ").split() if w not in STOP_WORDS]
    if not words:
        raise UnknownCommand("Say something.")
    verb, *rest = words
    if verb in DIRECTIONS or verb in DIRECTIONS.values():
        return "go", [DIRECTIONS.get(verb, verb)]
    if verb not in VERB_SYNONYMS:
        raise UnknownCommand(f"I don't know the word {verb!r}.")
    verb = VERB_SYNONYMS[verb]
    if verb == "go" and rest:
        rest = [DIRECTIONS.get(rest[0], rest[0])]
    return verb, [" ".join(rest)] if rest else []


class Game:
    def __init__(self):
        hall = Room("hall", "Great Hall", "A draughty hall with a high ceiling.")
        kitchen = Room("kitchen", "Kitchen", "Pots hang from hooks.")
        cellar = Room("cellar", "Cellar", "Damp stone walls surround you.")
        vault = Room("vault", "Vault", "Gold glitters everywhere.")
        cellar.dark = True
        hall.connect("east", kitchen, back="west")
        kitchen.connect("down", cellar, back="up")
        cellar.connect("north", vault, back="south", locked_by="brass key")
        hall.items += [Item("brass lamp", 3, "An old lamp.", lightable=True),
                       Item("anvil", 40, "Very heavy.")]
        kitchen.items += [Item("bread", 1, "Slightly stale.", edible=True),
                          Item("note", 0, "It reads: 'the key is below'.")]
        cellar.items.append(Item("brass key", 1, "Small and shiny.", treasure=False))
        vault.items.append(Item("gold crown", 5, "Fit for a king.", treasure=True))
        self.player = Player(hall)
        self.rooms = [hall, kitchen, cellar, vault]

    def handle(self, line):
        verb, args = parse(line)
        p = self.player
        handler = getattr(self, "do_" + verb)
        result = handler(p, *args)
        p.moves += 1
        return result

    def do_look(self, p):
        return p.room.describe(p.lamp_lit)

    def do_go(self, p, direction=None):
        if direction is None:
            raise CannotDoThat("Go where?")
        if direction not in p.room.exits:
            raise CannotDoThat(f"You can't go {direction}.")
        if direction in p.room.locked:
            raise CannotDoThat("The door is locked.")
        p.room = p.room.exits[direction]
        if p.room.key not in p.visited:
            p.visited.add(p.room.key)
            p.score += 5
        return p.room.describe(p.lamp_lit)

    def do_take(self, p, name=None):
        if name is None:
            raise CannotDoThat("Take what?")
        if p.room.dark and not p.lamp_lit:
            raise CannotDoThat("You fumble around in the dark.")
        item = p.find(name, p.room.items)
        if p.carried + item.weight > Player.MAX_WEIGHT:
            raise CannotDoThat(f"The {item} is too heavy.")
        p.room.items.remove(item)
        p.inventory.append(item)
        if item.has("treasure"):
            p.score += 50
        return f"Taken: {item}."

    def do_drop(self, p, name=None):
        item = p.find(name or "", p.inventory)
        p.inventory.remove(item)
        p.room.items.append(item)
        return f"Dropped: {item}."

    def do_inventory(self, p):
        if not p.inventory:
            return "You are empty-handed."
        parts = [f"{i.name} ({i.weight})" for i in sorted(p.inventory, key=lambda i: i.name)]
        return "You carry: " + ", ".join(parts) + f"; total weight {p.carried}/{Player.MAX_WEIGHT}"

    def do_examine(self, p, name=None):
        item = p.find(name or "", p.inventory + p.room.items)
        return item.desc

    def do_light(self, p, name=None):
        item = p.find(name or "lamp", p.inventory)
        if not item.has("lightable"):
            raise CannotDoThat(f"You can't light the {item}.")
        p.lamp_lit = True
        return f"The {item} is now lit."

    def do_open(self, p, what=None):
        for direction, key_name in list(p.room.locked.items()):
            if any(i.name == key_name for i in p.inventory):
                del p.room.locked[direction]
                return f"You unlock the door to the {direction}."
            raise CannotDoThat("You have no key.")
        raise CannotDoThat("There is nothing to open.")

    def do_score(self, p):
        return f"Score {p.score} in {p.moves} moves."


SCRIPT = """look
take lamp
take anvil
get the brass lamp
e
read note
x bread
dance wildly
d
take key
light lamp
look
take key
n
unlock door
go north
take crown
inventory
drop bread
s
up
w
go
go sideways
score
"""

game = Game()
for line in SCRIPT.splitlines():
    print(f"> {line}")
    try:
        print(game.handle(line))
    except UnknownCommand as e:
        print(f"?? {e}")
    except CannotDoThat as e:
        print(f"-- {e}")
    except TypeError as e:
        print("!! bad arguments:", type(e).__name__)
p = game.player
print(f"final: room={p.room.key} score={p.score} moves={p.moves} visited={sorted(p.visited)}")
print([repr(i) for r in game.rooms for i in r.items])
