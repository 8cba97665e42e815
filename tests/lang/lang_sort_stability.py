# list.sort and sorted are stable: equal keys keep their original order,
# also with reverse=True; multi-pass sorting by secondary then primary key.
people = [("ann", 30), ("bob", 25), ("cat", 30), ("dan", 25), ("eve", 35), ("fay", 30)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
by_name_desc = sorted(people, key=lambda p: p[0], reverse=True)
print(sorted(by_name_desc, key=lambda p: p[1]))
records = people[:]
records.sort(key=lambda p: p[0][1])
records.sort(key=lambda p: p[1] // 10)
print(records)
words = "the quick brown fox jumps over the lazy dog again and again".split()
print(sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
print(sorted(words, key=lambda w: (-len(w), w)))
nums = [3, -1, 2, -3, 1, -2, 0]
nums.sort(key=abs)
print(nums)
nums.sort(key=abs, reverse=True)
print(nums)
big = [(i % 7, i) for i in range(50)]
stable = sorted(big, key=lambda t: t[0])
print(all(stable[i][1] < stable[i + 1][1] for i in range(49) if stable[i][0] == stable[i + 1][0]))
print(sorted("BaCaBc", key=str.lower), sorted([[2, "b"], [1, "z"], [2, "a"]]))
