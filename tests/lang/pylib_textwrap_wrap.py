# textwrap: wrap/fill/shorten with the options programs use, including
# hyphenated words, em-dashes, long words, sentence endings and max_lines.
import textwrap
from textwrap import TextWrapper

para = ("Python is an easy to learn, powerful programming language. It has "
        "efficient high-level data structures and a simple but effective approach "
        "to object-oriented programming.")
print(textwrap.fill(para))
print(textwrap.fill(para, width=40))
print(textwrap.wrap(para, 30))
print(textwrap.fill(para, 50, initial_indent="    ", subsequent_indent="  | "))

texts = [
    "A well-known state-of-the-art long-term, self-contained co-operative x-ray.",
    "Hello--world and this---that; a -- b, 1-2-3 abc-def-ghi e-mail re-do",
    "Supercalifragilisticexpialidocious very-very-very-long-hyphenated-word ok",
    "tabs\there\tand\nnewlines\nand   multiple    spaces  ",
    "Mr. Smith went to Washington.  He said hi! Did he? Yes.\" Then 'ok.' end",
    "", "   ", "x" * 25, "word1-2word a1-b2 aa-bb-cc a-b-c-d ab-c a-bc",
]
options = [{}, {"break_on_hyphens": False}, {"break_long_words": False},
           {"drop_whitespace": False}, {"fix_sentence_endings": True},
           {"max_lines": 2}, {"max_lines": 1, "placeholder": "..."},
           {"replace_whitespace": False}, {"tabsize": 3}]
for t in texts:
    for w in (7, 12, 26):
        for kw in options:
            print(w, sorted(kw.items()), textwrap.wrap(t, w, **kw))

for t in [para, "Hello  world!", "short", "  lots   of\n space  here  "]:
    for w in (10, 15, 40):
        print(repr(textwrap.shorten(t, w)), repr(textwrap.shorten(t, w, placeholder=" >")))

w = TextWrapper(width=24, initial_indent="* ", subsequent_indent="  ")
print(w.width, repr(w.placeholder), w.break_long_words, w.tabsize)
for item in ["first item that goes on for a while", "second", "third item with a longer text"]:
    print(w.fill(item))
w.width = 0
try:
    w.wrap("abc")
except ValueError as e:
    print("ValueError:", e)
try:
    textwrap.wrap("abc def", 3, max_lines=1, placeholder="[...long]")
except ValueError as e:
    print("ValueError:", e)
try:
    textwrap.shorten("hello world", 3)
except ValueError as e:
    print("ValueError:", e)
print(textwrap.fill("a b c d e f g h i j k l m n o p", 7))
print(textwrap.wrap("one two three four five six", width=10, max_lines=2, placeholder=" ..."))
