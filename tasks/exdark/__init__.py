"""The ExDark (Exclusively Dark) dataset folder."""
