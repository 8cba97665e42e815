# str searching: find/rfind/index/rindex/count with start and end,
# startswith/endswith with tuples and ranges, `in`, and error messages.
s = "the cat sat on the mat with the hat"
print(s.find("the"), s.find("the", 1), s.find("the", 5, 20), s.find("dog"), s.find(""))
print(s.rfind("the"), s.rfind("the", 0, 20), s.rfind("at", -10), s.rfind(""), s.rfind("x"))
print(s.index("sat"), s.rindex("at"), s.count("at"), s.count("at", 10), s.count(""), "".count(""))
print(s.startswith("the"), s.startswith("cat", 4), s.startswith(("dog", "the")), s.endswith("hat"),
      s.endswith("mat", 0, 22), s.endswith(("x", "y")), s.startswith(""))
print("at" in s, "dog" not in s, "" in s, s.count("a", -5, -1))
for op in (lambda: s.index("zzz"), lambda: s.rindex("q"), lambda: s.startswith(["the"]),
           lambda: s.find(5)):
    try:
        op()
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
text = "aaaa"
print(text.count("aa"), text.find("aa", 1), text.replace("aa", "b"), "abc".find("c", -1), "abc".find("c", 10))
print("ℵ→∞".find("∞"), "naïve".index("v"), "日本語テキスト".rfind("テ"))
