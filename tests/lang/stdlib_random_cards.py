# a card game simulated with a seeded Random instance
import random
from collections import Counter, deque

SUITS = "SHDC"
RANKS = "23456789TJQKA"

def new_deck():
    return [r + s for s in SUITS for r in RANKS]

def hand_value(cards):
    v = 0
    aces = 0
    for c in cards:
        r = c[0]
        if r == "A":
            aces += 1
            v += 11
        elif r in "TJQK":
            v += 10
        else:
            v += int(r)
    while v > 21 and aces:
        v -= 10
        aces -= 1
    return v

def play_round(rng, deck):
    if len(deck) < 15:
        cards = new_deck()
        rng.shuffle(cards)
        deck.clear()
        deck.extend(cards)
    player = [deck.popleft(), deck.popleft()]
    dealer = [deck.popleft(), deck.popleft()]
    while hand_value(player) < 17 or (hand_value(player) < 18 and rng.random() < 0.5):
        player.append(deck.popleft())
    while hand_value(dealer) < 17:
        dealer.append(deck.popleft())
    p, d = hand_value(player), hand_value(dealer)
    if p > 21:
        return "lose", player, dealer
    if d > 21 or p > d:
        return "win", player, dealer
    if p == d:
        return "push", player, dealer
    return "lose", player, dealer

rng = random.Random(777)
deck = deque()
results = Counter()
for i in range(200):
    res, pl, dl = play_round(rng, deck)
    results[res] += 1
    if i < 5:
        print(res, pl, hand_value(pl), dl, hand_value(dl))
print(sorted(results.items()))
cards = new_deck()
rng.shuffle(cards)
print(cards[:10])
print(rng.sample(cards, 5), rng.choice(cards), rng.choices(SUITS, k=6))
hands = [sorted(rng.sample(new_deck(), 5)) for _ in range(3)]
print(hands)
pairs = sum([1 for _ in range(1000) if len(set([c[0] for c in rng.sample(new_deck(), 5)])) < 5])
print("hands with a pair or better:", pairs)
