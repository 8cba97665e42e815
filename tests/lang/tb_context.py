# An error while handling another: "During handling of the above
# exception, another exception occurred", each with its carets.
def risky(items):
    return items[3] * 2


def cleanup(log):
    return log["closed"] + 1


def run():
    log = {}
    try:
        risky([1, 2])
    except IndexError:
        cleanup(log)


run()
