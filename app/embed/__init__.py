"""The wiki faces: the card (/embed), the image (/embed.svg) and oEmbed."""
