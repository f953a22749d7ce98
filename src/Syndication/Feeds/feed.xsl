<?xml version="1.0" encoding="utf-8"?>
<!-- Shows an RSS 2.0 or Atom feed as a readable page when it is opened in a browser. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:atom="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/" exclude-result-prefixes="atom media">
  <xsl:output method="html" encoding="utf-8" doctype-system="about:legacy-compat"/>
  <xsl:template match="/">
    <html>
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="rss/channel/title | atom:feed/atom:title"/> (feed)</title>
        <style>body{font:17px/1.55 Georgia,serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1d1d1f}
          h1,h2{font-family:system-ui,sans-serif}.note{background:#eef4ff;padding:.75rem 1rem;font-family:system-ui,sans-serif}
          img{max-width:100%;height:auto}time{color:#555;font-family:system-ui,sans-serif}</style>
      </head>
      <body>
        <p class="note">This is a web feed. Copy its address into your feed reader to subscribe.</p>
        <h1><xsl:value-of select="rss/channel/title | atom:feed/atom:title"/></h1>
        <p><xsl:value-of select="rss/channel/description | atom:feed/atom:subtitle"/></p>
        <xsl:for-each select="rss/channel/item | atom:feed/atom:entry">
          <article>
            <xsl:variable name="thumb" select="media:thumbnail/@url"/>
            <xsl:if test="$thumb"><img src="{$thumb}" alt="" loading="lazy"/></xsl:if>
            <h2><a href="{link | atom:link[@rel='alternate']/@href}"><xsl:value-of select="title | atom:title"/></a></h2>
            <time><xsl:value-of select="pubDate | atom:published"/></time>
            <p><xsl:value-of select="description | atom:summary"/></p>
          </article>
        </xsl:for-each>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
