"""The ExpW (Expression in-the-Wild) dataset folder."""
