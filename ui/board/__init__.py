"""The progress board (进度看板) and the dashboard tabs."""
