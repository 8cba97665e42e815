# sample, choices, getstate/setstate
import random

random.seed(11)
print(random.sample(range(10), 10))
print(random.sample(range(100), 5), random.sample(range(10**9), 4))
print(random.sample("abcdefghij", 4), random.sample((1, 2, 3), 0))
print(random.sample(["red", "blue"], counts=[4, 2], k=5))
pop = list(range(1000))
print(sum(random.sample(pop, 50)))
print(random.choices(["x", "y", "z"]))
print(random.choices(range(5), k=10))
print(random.choices("abc", weights=[10, 1, 1], k=8))
print(random.choices("abc", cum_weights=[1, 2, 10], k=8))
print(random.choices([1, 2, 3], [0.2, 0.3, 0.5], k=4))

r = random.Random(123)
state = r.getstate()
first = [r.random() for _ in range(4)]
r.setstate(state)
again = [r.random() for _ in range(4)]
print(first == again, state[0], len(state[1]), state[2])
r.gauss()
st2 = r.getstate()
print(type(st2[2]).__name__)
g1 = r.gauss()
r.setstate(st2)
print(g1 == r.gauss())

# shuffle a list of lists, pick winners
random.seed(2)
players = ["ann", "bob", "cid", "dee", "eve", "fay", "gus"]
random.shuffle(players)
print(players)
teams = [players[i::3] for i in range(3)]
print(teams)
print(random.choice(teams))
