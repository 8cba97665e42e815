# An uncaught AttributeError on an instance of a user class.
class Config:
    def __init__(self):
        self.debug = False


cfg = Config()
print("debug:", cfg.debug)
print("verbose:", cfg.verbose)
