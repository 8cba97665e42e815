# raise ... from ...: both tracebacks, "direct cause" between them.
class ConfigError(Exception):
    pass


def read_port(cfg):
    try:
        return int(cfg["port"])
    except KeyError as e:
        raise ConfigError("no port configured") from e


def start(cfg):
    port = read_port(cfg)
    return port + 1


start({"host": "x"})
