# An uncaught exception raised by __exit__ while another propagates: the
# traceback shows both ("During handling ..."), the exit status is 1.
class Bad:
    def __enter__(self):
        return self

    def __exit__(self, et, ev, tb):
        print("exit sees", et.__name__)
        raise RuntimeError("cleanup failed")


def work():
    with Bad():
        {}["missing"]


work()
