<?xml version="1.0" encoding="UTF-8"?>
<!--
  The printable invoice: a PEPPOL BIS Billing 3.0 UBL Invoice or CreditNote to XSL-FO,
  A4, Norwegian labels, for Apache FOP in PDF/A-2b mode (so every element inherits an
  embedded font family from fo:root; FOP refuses a base-14 font).

  Page 1 of an invoice carries the giro in its bottom 102 mm (docs/norway.md#giro, "The giro
  on the invoice"); a credit note has none. Other pages, and a credit note's, have a
  footer naming the document and the page. The OCR line, the formatted account and the
  giro mode come from Java, which computes and checks them; everything else is read
  from the document itself.

  The buyer's address sits in the left window of a C5/E5 window envelope: 20 mm from the
  left edge, 50 mm from the top, at most 85 x 35 mm. That is inside a 90 x 45 mm window
  20 mm from the left and 45 mm from the top of the sheet (the address field of DIN 5008
  form B, which left-window envelopes follow), with 5 mm of play for the folded sheet.
  The position is taken from that standard, not measured on an envelope.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:inv="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
    xmlns:cn="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"
    xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
    xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
    xmlns:x="adobe:ns:meta/"
    xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    exclude-result-prefixes="inv cn cac cbc">

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <!-- The logo as a data: URI (PNG), or empty for the seller's name in text. -->
  <xsl:param name="logo" select="''"/>
  <!-- The customer's PIN for My page, or empty. -->
  <xsl:param name="pin" select="''"/>
  <!-- FULL, PREPRINTED, or empty for no giro (a credit note). -->
  <xsl:param name="giro" select="''"/>
  <!-- The OCR line, one character per position (OcrLine). -->
  <xsl:param name="ocr-line" select="''"/>
  <!-- The payee's account as printed, "8601 11 17947". -->
  <xsl:param name="account" select="''"/>
  <!-- A reminder (purring) of the invoice: its number, dates (ISO) and amounts (NOK, "1234.50"); empty for the invoice itself. -->
  <xsl:param name="reminder-number" select="''"/>
  <xsl:param name="reminder-date" select="''"/>
  <xsl:param name="reminder-pay-by" select="''"/>
  <xsl:param name="reminder-principal" select="''"/>
  <xsl:param name="reminder-fee" select="''"/>
  <xsl:param name="reminder-interest" select="''"/>
  <xsl:param name="reminder-total" select="''"/>

  <!-- Norwegian numbers: "1 234,50", grouped with a no-break space. -->
  <xsl:decimal-format name="no" decimal-separator="," grouping-separator="&#160;"/>
  <xsl:variable name="money" select="'#&#160;##0,00'"/>
  <xsl:variable name="quantity" select="'#&#160;##0,###'"/>

  <xsl:variable name="font" select="'DejaVu Sans'"/>
  <xsl:variable name="band-colour" select="'#fcefc2'"/>
  <xsl:variable name="rule-colour" select="'#999999'"/>

  <xsl:variable name="doc" select="/inv:Invoice | /cn:CreditNote"/>
  <xsl:variable name="credit-note" select="boolean(/cn:CreditNote)"/>
  <xsl:variable name="seller" select="$doc/cac:AccountingSupplierParty/cac:Party"/>
  <xsl:variable name="buyer" select="$doc/cac:AccountingCustomerParty/cac:Party"/>
  <xsl:variable name="lines" select="$doc/cac:InvoiceLine | $doc/cac:CreditNoteLine"/>
  <xsl:variable name="due-date" select="($doc/cbc:DueDate | $doc/cac:PaymentMeans/cbc:PaymentDueDate)[1]"/>
  <xsl:variable name="kid" select="$doc/cac:PaymentMeans[1]/cbc:PaymentID"/>
  <xsl:variable name="totals" select="$doc/cac:LegalMonetaryTotal"/>
  <xsl:variable name="currency" select="$doc/cbc:DocumentCurrencyCode"/>
  <xsl:variable name="discounts" select="boolean($lines/cac:AllowanceCharge[cbc:ChargeIndicator = 'false'])"/>
  <xsl:variable name="kind-name">
    <xsl:choose>
      <xsl:when test="$credit-note">Kreditnota</xsl:when>
      <xsl:otherwise>Faktura</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="reminder" select="$reminder-number != ''"/>
  <xsl:variable name="title">
    <xsl:choose>
      <xsl:when test="$reminder">Purring</xsl:when>
      <xsl:otherwise><xsl:value-of select="$kind-name"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <!-- What the giro asks for, and by when: the invoice's, or the reminder's with fee and interest. -->
  <xsl:variable name="payable">
    <xsl:choose>
      <xsl:when test="$reminder"><xsl:value-of select="$reminder-total"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$totals/cbc:PayableAmount"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="pay-by">
    <xsl:choose>
      <xsl:when test="$reminder"><xsl:value-of select="$reminder-pay-by"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$due-date"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="preprinted" select="$giro = 'PREPRINTED'"/>

  <xsl:template match="/">
    <fo:root font-family="{$font}" font-size="9pt" xml:lang="nb">
      <fo:layout-master-set>
        <fo:simple-page-master master-name="with-giro" page-width="210mm" page-height="297mm">
          <fo:region-body margin="15mm 15mm 107mm 20mm"/>
          <fo:region-after region-name="giro" extent="102mm"/>
        </fo:simple-page-master>
        <fo:simple-page-master master-name="plain" page-width="210mm" page-height="297mm">
          <fo:region-body margin="15mm 15mm 20mm 20mm"/>
          <fo:region-after region-name="footer" extent="12mm"/>
        </fo:simple-page-master>
        <fo:page-sequence-master master-name="giro-first">
          <fo:repeatable-page-master-alternatives>
            <fo:conditional-page-master-reference page-position="first" master-reference="with-giro"/>
            <fo:conditional-page-master-reference master-reference="plain"/>
          </fo:repeatable-page-master-alternatives>
        </fo:page-sequence-master>
      </fo:layout-master-set>
      <fo:declarations>
        <x:xmpmeta>
          <rdf:RDF>
            <rdf:Description rdf:about="">
              <dc:title>
                <rdf:Alt><rdf:li xml:lang="x-default"><xsl:value-of select="concat($title, ' ', $doc/cbc:ID)"/></rdf:li></rdf:Alt>
              </dc:title>
              <dc:creator>
                <rdf:Seq><rdf:li><xsl:apply-templates select="$seller" mode="name"/></rdf:li></rdf:Seq>
              </dc:creator>
            </rdf:Description>
          </rdf:RDF>
        </x:xmpmeta>
      </fo:declarations>
      <fo:page-sequence>
        <xsl:attribute name="master-reference">
          <xsl:choose>
            <xsl:when test="$giro != ''">giro-first</xsl:when>
            <xsl:otherwise>plain</xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
        <xsl:if test="$giro != ''">
          <fo:static-content flow-name="giro">
            <xsl:call-template name="giro"/>
          </fo:static-content>
        </xsl:if>
        <fo:static-content flow-name="footer">
          <fo:block font-size="7.5pt" start-indent="20mm" end-indent="15mm" text-align="end">
            <xsl:value-of select="concat($title, ' ', $doc/cbc:ID, ', side ')"/>
            <fo:page-number/> av <fo:page-number-citation ref-id="end"/>
          </fo:block>
        </fo:static-content>
        <fo:flow flow-name="xsl-region-body">
          <xsl:call-template name="head"/>
          <xsl:if test="$reminder">
            <xsl:call-template name="reminder"/>
          </xsl:if>
          <xsl:call-template name="lines"/>
          <xsl:call-template name="totals"/>
          <xsl:call-template name="notes"/>
          <fo:block id="end"/>
        </fo:flow>
      </fo:page-sequence>
    </fo:root>
  </xsl:template>

  <!-- The top 80 mm: logo, seller, the buyer in the envelope window, title and facts.
       Positioned absolutely inside one block-container, so long content cannot push
       the address out of the window. -->
  <xsl:template name="head">
    <fo:block-container height="80mm">
      <fo:block-container absolute-position="absolute" top="0mm" left="0mm" width="85mm" height="25mm">
        <xsl:choose>
          <xsl:when test="$logo != ''">
            <fo:block>
              <fo:external-graphic src="url('{$logo}')" width="60mm" height="20mm"
                  content-width="scale-to-fit" content-height="scale-to-fit" scaling="uniform"/>
            </fo:block>
          </xsl:when>
          <xsl:otherwise>
            <fo:block font-size="16pt" font-weight="bold"><xsl:apply-templates select="$seller" mode="name"/></fo:block>
          </xsl:otherwise>
        </xsl:choose>
      </fo:block-container>
      <fo:block-container absolute-position="absolute" top="0mm" left="95mm" width="80mm">
        <fo:block text-align="end" font-size="8pt">
          <fo:block font-weight="bold"><xsl:apply-templates select="$seller" mode="name"/></fo:block>
          <xsl:apply-templates select="$seller/cac:PostalAddress"/>
          <xsl:apply-templates select="$seller/cac:PartyLegalEntity/cbc:CompanyID" mode="seller-org-number"/>
          <xsl:if test="$seller/cac:PartyTaxScheme[cac:TaxScheme/cbc:ID = 'TAX']/cbc:CompanyID = 'Foretaksregisteret'">
            <fo:block>Foretaksregisteret</fo:block>
          </xsl:if>
          <xsl:for-each select="$seller/cac:Contact/cbc:Telephone | $seller/cac:Contact/cbc:ElectronicMail">
            <fo:block><xsl:value-of select="."/></fo:block>
          </xsl:for-each>
        </fo:block>
      </fo:block-container>
      <fo:block-container absolute-position="absolute" top="35mm" left="0mm" width="85mm" height="35mm" overflow="hidden">
        <fo:block font-size="10pt">
          <fo:block><xsl:apply-templates select="$buyer" mode="name"/></fo:block>
          <xsl:apply-templates select="$buyer/cac:PostalAddress"/>
        </fo:block>
      </fo:block-container>
      <fo:block-container absolute-position="absolute" top="30mm" left="95mm" width="80mm">
        <fo:block font-size="18pt" font-weight="bold"><xsl:value-of select="$title"/></fo:block>
        <xsl:if test="$reminder">
          <fo:block>Purring nr. <xsl:value-of select="$reminder-number"/>, <xsl:call-template name="iso-date"><xsl:with-param name="iso" select="$reminder-date"/></xsl:call-template></fo:block>
        </xsl:if>
        <xsl:for-each select="$doc/cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID">
          <fo:block>Kreditnota for faktura nr <xsl:value-of select="."/></fo:block>
        </xsl:for-each>
        <fo:table table-layout="fixed" width="80mm" space-before="2mm">
          <fo:table-column column-width="32mm"/>
          <fo:table-column column-width="48mm"/>
          <fo:table-body>
            <xsl:call-template name="fact">
              <xsl:with-param name="label" select="concat($kind-name, 'nr.')"/>
              <xsl:with-param name="value" select="$doc/cbc:ID"/>
            </xsl:call-template>
            <xsl:call-template name="fact">
              <xsl:with-param name="label" select="concat($kind-name, 'dato')"/>
              <xsl:with-param name="value"><xsl:apply-templates select="$doc/cbc:IssueDate" mode="date"/></xsl:with-param>
            </xsl:call-template>
            <xsl:call-template name="fact">
              <xsl:with-param name="label">Forfallsdato</xsl:with-param>
              <xsl:with-param name="value"><xsl:apply-templates select="$due-date" mode="date"/></xsl:with-param>
            </xsl:call-template>
            <xsl:call-template name="fact">
              <xsl:with-param name="label">Leveringsdato</xsl:with-param>
              <xsl:with-param name="value"><xsl:apply-templates select="$doc/cac:Delivery/cbc:ActualDeliveryDate" mode="date"/></xsl:with-param>
            </xsl:call-template>
            <xsl:call-template name="fact">
              <xsl:with-param name="label">Periode</xsl:with-param>
              <xsl:with-param name="value"><xsl:apply-templates select="$doc/cac:InvoicePeriod" mode="period"/></xsl:with-param>
            </xsl:call-template>
            <xsl:call-template name="fact">
              <xsl:with-param name="label">Deres ref.</xsl:with-param>
              <xsl:with-param name="value" select="$doc/cbc:BuyerReference"/>
            </xsl:call-template>
            <xsl:call-template name="fact">
              <xsl:with-param name="label">Bestillingsnr.</xsl:with-param>
              <xsl:with-param name="value" select="$doc/cac:OrderReference/cbc:ID"/>
            </xsl:call-template>
            <xsl:call-template name="fact">
              <xsl:with-param name="label">Deres org.nr.</xsl:with-param>
              <xsl:with-param name="value"><xsl:apply-templates select="$buyer/cac:PartyLegalEntity/cbc:CompanyID" mode="org-number"/></xsl:with-param>
            </xsl:call-template>
          </fo:table-body>
        </fo:table>
        <xsl:if test="$pin != ''">
          <fo:block space-before="2mm">PIN for Min side: <xsl:value-of select="$pin"/></fo:block>
        </xsl:if>
      </fo:block-container>
    </fo:block-container>
  </xsl:template>

  <!-- One row of the facts table; nothing when the document has no value for it. -->
  <xsl:template name="fact">
    <xsl:param name="label"/>
    <xsl:param name="value"/>
    <xsl:if test="string($value) != ''">
      <fo:table-row>
        <fo:table-cell><fo:block><xsl:value-of select="$label"/></fo:block></fo:table-cell>
        <fo:table-cell><fo:block><xsl:value-of select="$value"/></fo:block></fo:table-cell>
      </fo:table-row>
    </xsl:if>
  </xsl:template>

  <xsl:template name="lines">
    <fo:table table-layout="fixed" width="100%">
      <fo:table-column column-width="proportional-column-width(1)"/>
      <fo:table-column column-width="24mm"/>
      <fo:table-column column-width="22mm"/>
      <xsl:if test="$discounts">
        <fo:table-column column-width="18mm"/>
      </xsl:if>
      <fo:table-column column-width="13mm"/>
      <fo:table-column column-width="24mm"/>
      <fo:table-header font-weight="bold">
        <fo:table-row border-bottom="0.5pt solid {$rule-colour}">
          <fo:table-cell padding="1mm 0"><fo:block>Beskrivelse</fo:block></fo:table-cell>
          <fo:table-cell padding="1mm 0"><fo:block text-align="end">Antall</fo:block></fo:table-cell>
          <fo:table-cell padding="1mm 0"><fo:block text-align="end">Pris</fo:block></fo:table-cell>
          <xsl:if test="$discounts">
            <fo:table-cell padding="1mm 0"><fo:block text-align="end">Rabatt</fo:block></fo:table-cell>
          </xsl:if>
          <fo:table-cell padding="1mm 0"><fo:block text-align="end">MVA</fo:block></fo:table-cell>
          <fo:table-cell padding="1mm 0"><fo:block text-align="end">Beløp</fo:block></fo:table-cell>
        </fo:table-row>
      </fo:table-header>
      <fo:table-body>
        <xsl:apply-templates select="$lines"/>
      </fo:table-body>
    </fo:table>
  </xsl:template>

  <xsl:template match="cac:InvoiceLine | cac:CreditNoteLine">
    <xsl:variable name="amount" select="cbc:InvoicedQuantity | cbc:CreditedQuantity"/>
    <xsl:variable name="percent" select="cac:Item/cac:ClassifiedTaxCategory/cbc:Percent"/>
    <fo:table-row border-bottom="0.25pt solid {$rule-colour}" keep-together.within-page="always">
      <fo:table-cell padding="1mm 2mm 1mm 0">
        <fo:block><xsl:value-of select="cac:Item/cbc:Name"/></fo:block>
        <xsl:for-each select="cac:Item/cbc:Description">
          <fo:block font-size="7.5pt"><xsl:value-of select="."/></fo:block>
        </xsl:for-each>
        <xsl:for-each select="cac:InvoicePeriod">
          <fo:block font-size="7.5pt">Periode <xsl:apply-templates select="." mode="period"/></fo:block>
        </xsl:for-each>
      </fo:table-cell>
      <fo:table-cell padding="1mm 0">
        <fo:block text-align="end">
          <xsl:value-of select="concat(format-number($amount, $quantity, 'no'), ' ')"/>
          <xsl:apply-templates select="$amount/@unitCode" mode="unit"/>
        </fo:block>
      </fo:table-cell>
      <fo:table-cell padding="1mm 0">
        <fo:block text-align="end"><xsl:value-of select="format-number(cac:Price/cbc:PriceAmount, $money, 'no')"/></fo:block>
      </fo:table-cell>
      <xsl:if test="$discounts">
        <xsl:variable name="discount" select="cac:AllowanceCharge[cbc:ChargeIndicator = 'false']/cbc:Amount"/>
        <fo:table-cell padding="1mm 0">
          <fo:block text-align="end">
            <xsl:if test="$discount">
              <xsl:value-of select="format-number(-sum($discount), $money, 'no')"/>
            </xsl:if>
          </fo:block>
        </fo:table-cell>
      </xsl:if>
      <fo:table-cell padding="1mm 0">
        <fo:block text-align="end">
          <xsl:if test="$percent">
            <xsl:value-of select="concat(format-number($percent, '0,##', 'no'), '&#160;%')"/>
          </xsl:if>
        </fo:block>
      </fo:table-cell>
      <fo:table-cell padding="1mm 0">
        <fo:block text-align="end"><xsl:value-of select="format-number(cbc:LineExtensionAmount, $money, 'no')"/></fo:block>
      </fo:table-cell>
    </fo:table-row>
  </xsl:template>

  <!-- VAT per category and rate on the left, the sums on the right. -->
  <xsl:template name="totals">
    <fo:table table-layout="fixed" width="100%" space-before="5mm" keep-together.within-page="always">
      <fo:table-column column-width="proportional-column-width(1)"/>
      <fo:table-column column-width="75mm"/>
      <fo:table-body>
        <fo:table-row>
          <fo:table-cell padding-right="10mm">
            <fo:table table-layout="fixed" width="100%">
              <fo:table-column column-width="proportional-column-width(1)"/>
              <fo:table-column column-width="24mm"/>
              <fo:table-column column-width="20mm"/>
              <fo:table-header font-weight="bold">
                <fo:table-row border-bottom="0.5pt solid {$rule-colour}">
                  <fo:table-cell padding="1mm 0"><fo:block>MVA-sats</fo:block></fo:table-cell>
                  <fo:table-cell padding="1mm 0"><fo:block text-align="end">Grunnlag</fo:block></fo:table-cell>
                  <fo:table-cell padding="1mm 0"><fo:block text-align="end">MVA</fo:block></fo:table-cell>
                </fo:table-row>
              </fo:table-header>
              <fo:table-body>
                <xsl:apply-templates select="$doc/cac:TaxTotal/cac:TaxSubtotal"/>
              </fo:table-body>
            </fo:table>
          </fo:table-cell>
          <fo:table-cell>
            <fo:table table-layout="fixed" width="100%">
              <fo:table-column column-width="proportional-column-width(1)"/>
              <fo:table-column column-width="30mm"/>
              <fo:table-body>
                <xsl:call-template name="sum">
                  <xsl:with-param name="label">Rabatt</xsl:with-param>
                  <xsl:with-param name="amount" select="-$totals/cbc:AllowanceTotalAmount"/>
                </xsl:call-template>
                <xsl:call-template name="sum">
                  <xsl:with-param name="label">Gebyr</xsl:with-param>
                  <xsl:with-param name="amount" select="$totals/cbc:ChargeTotalAmount"/>
                </xsl:call-template>
                <xsl:call-template name="sum">
                  <xsl:with-param name="label">Sum eks. mva</xsl:with-param>
                  <xsl:with-param name="amount" select="$totals/cbc:TaxExclusiveAmount"/>
                </xsl:call-template>
                <xsl:call-template name="sum">
                  <xsl:with-param name="label">MVA</xsl:with-param>
                  <xsl:with-param name="amount" select="$doc/cac:TaxTotal/cbc:TaxAmount"/>
                </xsl:call-template>
                <xsl:call-template name="sum">
                  <xsl:with-param name="label">Forskuddsbetalt</xsl:with-param>
                  <xsl:with-param name="amount" select="-$totals/cbc:PrepaidAmount"/>
                </xsl:call-template>
                <xsl:call-template name="sum">
                  <xsl:with-param name="label">Øreavrunding</xsl:with-param>
                  <xsl:with-param name="amount" select="$totals/cbc:PayableRoundingAmount"/>
                </xsl:call-template>
                <fo:table-row font-weight="bold" font-size="10pt" border-top="0.5pt solid {$rule-colour}">
                  <fo:table-cell padding="1mm 0">
                    <fo:block>
                      <xsl:choose>
                        <xsl:when test="$credit-note">Kreditert</xsl:when>
                        <xsl:otherwise>Å betale</xsl:otherwise>
                      </xsl:choose>
                      <xsl:value-of select="concat(' ', $currency)"/>
                    </fo:block>
                  </fo:table-cell>
                  <fo:table-cell padding="1mm 0">
                    <fo:block text-align="end"><xsl:value-of select="format-number($totals/cbc:PayableAmount, $money, 'no')"/></fo:block>
                  </fo:table-cell>
                </fo:table-row>
              </fo:table-body>
            </fo:table>
          </fo:table-cell>
        </fo:table-row>
      </fo:table-body>
    </fo:table>
  </xsl:template>

  <xsl:template match="cac:TaxSubtotal">
    <fo:table-row>
      <fo:table-cell padding="0.5mm 0">
        <fo:block><xsl:apply-templates select="cac:TaxCategory" mode="rate"/></fo:block>
      </fo:table-cell>
      <fo:table-cell padding="0.5mm 0">
        <fo:block text-align="end"><xsl:value-of select="format-number(cbc:TaxableAmount, $money, 'no')"/></fo:block>
      </fo:table-cell>
      <fo:table-cell padding="0.5mm 0">
        <fo:block text-align="end"><xsl:value-of select="format-number(cbc:TaxAmount, $money, 'no')"/></fo:block>
      </fo:table-cell>
    </fo:table-row>
  </xsl:template>

  <!-- "25 %", "0 % nullsats", "utenfor mva-området": the rate, and what a 0 means. -->
  <xsl:template match="cac:TaxCategory" mode="rate">
    <xsl:if test="cbc:Percent">
      <xsl:value-of select="concat(format-number(cbc:Percent, '0,##', 'no'), '&#160;% ')"/>
    </xsl:if>
    <xsl:choose>
      <xsl:when test="cbc:ID = 'Z'">nullsats</xsl:when>
      <xsl:when test="cbc:ID = 'E'">fritatt</xsl:when>
      <xsl:when test="cbc:ID = 'O'">utenfor mva-området</xsl:when>
      <xsl:when test="cbc:ID = 'AE'">omvendt avgiftsplikt</xsl:when>
      <xsl:when test="cbc:ID = 'K'">levering innen EØS</xsl:when>
      <xsl:when test="cbc:ID = 'G'">eksport</xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- One row of the sums; nothing when the document has no such amount. -->
  <xsl:template name="sum">
    <xsl:param name="label"/>
    <xsl:param name="amount"/>
    <xsl:if test="string($amount) != 'NaN' and string($amount) != ''">
      <fo:table-row>
        <fo:table-cell padding="0.5mm 0"><fo:block><xsl:value-of select="$label"/></fo:block></fo:table-cell>
        <fo:table-cell padding="0.5mm 0">
          <fo:block text-align="end"><xsl:value-of select="format-number($amount, $money, 'no')"/></fo:block>
        </fo:table-cell>
      </fo:table-row>
    </xsl:if>
  </xsl:template>

  <!-- Why a category carries no VAT, the document's notes, and how to pay. -->
  <xsl:template name="notes">
    <fo:block space-before="5mm">
      <xsl:for-each select="$doc/cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:TaxExemptionReason">
        <fo:block font-weight="bold"><xsl:value-of select="."/></fo:block>
      </xsl:for-each>
      <xsl:for-each select="$doc/cbc:Note">
        <fo:block space-before="2mm"><xsl:value-of select="."/></fo:block>
      </xsl:for-each>
      <xsl:if test="not($credit-note)">
        <xsl:for-each select="$doc/cac:PaymentTerms/cbc:Note">
          <fo:block space-before="2mm">Betalingsbetingelser: <xsl:value-of select="."/></fo:block>
        </xsl:for-each>
        <fo:block space-before="2mm">
          <xsl:value-of select="concat('Betal ', $currency, ' ', format-number($payable, $money, 'no'), ' til konto ', $account)"/>
          <xsl:choose>
            <xsl:when test="$kid">
              <xsl:value-of select="concat(' med KID ', $kid)"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:value-of select="concat(', merket med fakturanr. ', $doc/cbc:ID)"/>
            </xsl:otherwise>
          </xsl:choose>
          <xsl:if test="$pay-by != ''">
            <xsl:text> innen </xsl:text>
            <xsl:call-template name="iso-date"><xsl:with-param name="iso" select="$pay-by"/></xsl:call-template>
          </xsl:if>
          <xsl:text>.</xsl:text>
        </fo:block>
      </xsl:if>
    </fo:block>
  </xsl:template>

  <!-- The giro, in the region-after of page 1; coordinates in mm from its top-left
       corner, which is the page's left edge, 102 mm above the bottom. -->
  <xsl:template name="giro">
    <xsl:if test="not($preprinted)">
      <!-- The tear line, then the receipt band, the main band and the label row. -->
      <fo:block-container absolute-position="absolute" top="0mm" left="0mm" width="210mm" height="1mm"
          border-top="0.5pt dashed {$rule-colour}">
        <fo:block/>
      </fo:block-container>
      <xsl:call-template name="giro-band">
        <xsl:with-param name="top" select="2"/>
        <xsl:with-param name="height" select="13"/>
      </xsl:call-template>
      <xsl:call-template name="giro-band">
        <xsl:with-param name="top" select="17"/>
        <xsl:with-param name="height" select="53"/>
      </xsl:call-template>
      <xsl:call-template name="giro-band">
        <xsl:with-param name="top" select="71"/>
        <xsl:with-param name="height" select="4.5"/>
      </xsl:call-template>
      <xsl:call-template name="giro-label">
        <xsl:with-param name="left" select="4"/>
        <xsl:with-param name="top" select="3"/>
        <xsl:with-param name="text">Kvittering</xsl:with-param>
        <xsl:with-param name="size" select="8"/>
      </xsl:call-template>
      <xsl:call-template name="giro-label">
        <xsl:with-param name="left" select="110"/>
        <xsl:with-param name="top" select="18"/>
        <xsl:with-param name="text">GIRO</xsl:with-param>
        <xsl:with-param name="size" select="16"/>
      </xsl:call-template>
      <xsl:call-template name="ocr-label">
        <xsl:with-param name="position" select="5"/>
        <xsl:with-param name="text">Kundeidentifikasjon (KID)</xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="ocr-label">
        <xsl:with-param name="position" select="32"/>
        <xsl:with-param name="text">Kroner</xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="ocr-label">
        <xsl:with-param name="position" select="42"/>
        <xsl:with-param name="text">Øre</xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="ocr-label">
        <xsl:with-param name="position" select="52"/>
        <xsl:with-param name="text">Til konto</xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="ocr-label">
        <xsl:with-param name="position" select="67"/>
        <xsl:with-param name="text">Blankettnummer</xsl:with-param>
      </xsl:call-template>
    </xsl:if>

    <xsl:call-template name="giro-field">
      <xsl:with-param name="label">Innbetalt til konto</xsl:with-param>
      <xsl:with-param name="left" select="40"/>
      <xsl:with-param name="top" select="3"/>
      <xsl:with-param name="width" select="45"/>
      <xsl:with-param name="height" select="7"/>
      <xsl:with-param name="value"><fo:block><xsl:value-of select="$account"/></fo:block></xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="giro-field">
      <xsl:with-param name="label">Beløp</xsl:with-param>
      <xsl:with-param name="left" select="90"/>
      <xsl:with-param name="top" select="3"/>
      <xsl:with-param name="width" select="30"/>
      <xsl:with-param name="height" select="7"/>
      <xsl:with-param name="value">
        <fo:block text-align="end"><xsl:value-of select="format-number($payable, $money, 'no')"/></fo:block>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="giro-field">
      <xsl:with-param name="label">Betalerens kontonummer</xsl:with-param>
      <xsl:with-param name="left" select="125"/>
      <xsl:with-param name="top" select="3"/>
      <xsl:with-param name="width" select="45"/>
      <xsl:with-param name="height" select="7"/>
    </xsl:call-template>
    <xsl:call-template name="giro-field">
      <xsl:with-param name="label">Blankettnummer</xsl:with-param>
      <xsl:with-param name="left" select="175"/>
      <xsl:with-param name="top" select="3"/>
      <xsl:with-param name="width" select="31"/>
      <xsl:with-param name="height" select="7"/>
    </xsl:call-template>

    <xsl:call-template name="giro-field">
      <xsl:with-param name="label">Betalingsinformasjon</xsl:with-param>
      <xsl:with-param name="left" select="4"/>
      <xsl:with-param name="top" select="18"/>
      <xsl:with-param name="width" select="98"/>
      <xsl:with-param name="height" select="17"/>
      <xsl:with-param name="value">
        <xsl:if test="$reminder">
          <fo:block><xsl:value-of select="concat('Purring nr. ', $reminder-number)"/></fo:block>
        </xsl:if>
        <fo:block><xsl:value-of select="concat('Faktura ', $doc/cbc:ID, ', ')"/><xsl:apply-templates select="$doc/cbc:IssueDate" mode="date"/></fo:block>
        <xsl:if test="$kid">
          <fo:block><xsl:value-of select="concat('KID ', $kid)"/></fo:block>
        </xsl:if>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="giro-field">
      <xsl:with-param name="label">Betalings-frist</xsl:with-param>
      <xsl:with-param name="left" select="170"/>
      <xsl:with-param name="top" select="18"/>
      <xsl:with-param name="width" select="36"/>
      <xsl:with-param name="height" select="7"/>
      <xsl:with-param name="value"><fo:block><xsl:call-template name="iso-date"><xsl:with-param name="iso" select="$pay-by"/></xsl:call-template></fo:block></xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="giro-field">
      <xsl:with-param name="label">Underskrift ved girering</xsl:with-param>
      <xsl:with-param name="left" select="110"/>
      <xsl:with-param name="top" select="30"/>
      <xsl:with-param name="width" select="55"/>
      <xsl:with-param name="height" select="8"/>
    </xsl:call-template>
    <xsl:call-template name="giro-field">
      <xsl:with-param name="label">Belast konto</xsl:with-param>
      <xsl:with-param name="left" select="170"/>
      <xsl:with-param name="top" select="30"/>
      <xsl:with-param name="width" select="36"/>
      <xsl:with-param name="height" select="8"/>
    </xsl:call-template>
    <xsl:call-template name="giro-field">
      <xsl:with-param name="label">Betalt av</xsl:with-param>
      <xsl:with-param name="left" select="4"/>
      <xsl:with-param name="top" select="41"/>
      <xsl:with-param name="width" select="98"/>
      <xsl:with-param name="height" select="24"/>
      <xsl:with-param name="value">
        <fo:block><xsl:apply-templates select="$buyer" mode="name"/></fo:block>
        <xsl:apply-templates select="$buyer/cac:PostalAddress"/>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="giro-field">
      <xsl:with-param name="label">Betalt til</xsl:with-param>
      <xsl:with-param name="left" select="110"/>
      <xsl:with-param name="top" select="41"/>
      <xsl:with-param name="width" select="96"/>
      <xsl:with-param name="height" select="24"/>
      <xsl:with-param name="value">
        <fo:block><xsl:apply-templates select="$seller" mode="name"/></fo:block>
        <xsl:apply-templates select="$seller/cac:PostalAddress"/>
      </xsl:with-param>
    </xsl:call-template>

    <!-- The OCR line: OCR-B at 9.96 pt, so one character is 2.54 mm; the left edge of
         position 1 is 2.9 - 1.27 mm from the page's edge. FOP centres the font's height
         (ascent 0.938 + descent 0.336 em) in the 9.96 pt line, so the baseline falls
         (9.96 - 1.274 x 9.96) / 2 + 0.938 x 9.96 = 7.98 pt = 2.81 mm below the block's
         top: the top is 102 - 21.17 - 2.81 mm. GiroTest measures the result. -->
    <fo:block-container absolute-position="absolute" left="1.63mm" top="78.02mm" width="170mm" height="5mm">
      <fo:block font-family="OCR-B" font-size="9.96pt" line-height="9.96pt"
          white-space-treatment="preserve" white-space-collapse="false" wrap-option="no-wrap">
        <xsl:value-of select="$ocr-line"/>
      </fo:block>
    </fo:block-container>
  </xsl:template>

  <xsl:template name="giro-band">
    <xsl:param name="top"/>
    <xsl:param name="height"/>
    <fo:block-container absolute-position="absolute" top="{$top}mm" left="0mm" width="210mm" height="{$height}mm"
        background-color="{$band-colour}">
      <fo:block/>
    </fo:block-container>
  </xsl:template>

  <xsl:template name="giro-label">
    <xsl:param name="left"/>
    <xsl:param name="top"/>
    <xsl:param name="text"/>
    <xsl:param name="size" select="6"/>
    <xsl:param name="width" select="60"/>
    <fo:block-container absolute-position="absolute" top="{$top}mm" left="{$left}mm" width="{$width}mm">
      <fo:block font-size="{$size}pt" font-weight="bold"><xsl:value-of select="$text"/></fo:block>
    </fo:block-container>
  </xsl:template>

  <!-- A label of the row above the OCR line, over the first position of its field. -->
  <xsl:template name="ocr-label">
    <xsl:param name="position"/>
    <xsl:param name="text"/>
    <xsl:call-template name="giro-label">
      <xsl:with-param name="left" select="1.63 + ($position - 1) * 2.54"/>
      <xsl:with-param name="top" select="71.8"/>
      <xsl:with-param name="text" select="$text"/>
      <xsl:with-param name="width" select="40"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A giro field: its label, and below it a white box holding the value. On a
       pre-printed form only the value is printed, in the same place. -->
  <xsl:template name="giro-field">
    <xsl:param name="label"/>
    <xsl:param name="left"/>
    <xsl:param name="top"/>
    <xsl:param name="width"/>
    <xsl:param name="height"/>
    <xsl:param name="value"/>
    <xsl:if test="not($preprinted)">
      <xsl:call-template name="giro-label">
        <xsl:with-param name="left" select="$left"/>
        <xsl:with-param name="top" select="$top"/>
        <xsl:with-param name="text" select="$label"/>
        <xsl:with-param name="width" select="$width"/>
      </xsl:call-template>
    </xsl:if>
    <fo:block-container absolute-position="absolute" top="{$top + 3.5}mm" left="{$left}mm"
        width="{$width - 2}mm" height="{$height - 2}mm" padding="1mm" overflow="hidden">
      <xsl:if test="not($preprinted)">
        <xsl:attribute name="background-color">white</xsl:attribute>
      </xsl:if>
      <fo:block>
        <xsl:copy-of select="$value"/>
      </fo:block>
    </fo:block-container>
  </xsl:template>

  <!-- A party's trading name, else its registered name. -->
  <xsl:template match="cac:Party" mode="name">
    <xsl:value-of select="(cac:PartyName/cbc:Name | cac:PartyLegalEntity/cbc:RegistrationName)[1]"/>
  </xsl:template>

  <xsl:template match="cac:PostalAddress">
    <xsl:for-each select="cbc:StreetName | cbc:AdditionalStreetName | cac:AddressLine/cbc:Line">
      <fo:block><xsl:value-of select="."/></fo:block>
    </xsl:for-each>
    <fo:block><xsl:value-of select="normalize-space(concat(cbc:PostalZone, ' ', cbc:CityName))"/></fo:block>
    <xsl:if test="cac:Country/cbc:IdentificationCode != 'NO'">
      <fo:block><xsl:value-of select="cac:Country/cbc:IdentificationCode"/></fo:block>
    </xsl:if>
  </xsl:template>

  <!-- "Org.nr. 974 760 673 MVA": MVA when the seller is registered for VAT. -->
  <xsl:template match="cbc:CompanyID" mode="seller-org-number">
    <fo:block>
      <xsl:text>Org.nr. </xsl:text>
      <xsl:apply-templates select="." mode="org-number"/>
      <xsl:if test="$seller/cac:PartyTaxScheme/cac:TaxScheme/cbc:ID = 'VAT'"> MVA</xsl:if>
    </fo:block>
  </xsl:template>

  <!-- "974 760 673" -->
  <xsl:template match="cbc:CompanyID" mode="org-number">
    <xsl:value-of select="concat(substring(., 1, 3), ' ', substring(., 4, 3), ' ', substring(., 7))"/>
  </xsl:template>

  <!-- 2026-01-15 as 15.01.2026 -->
  <xsl:template match="*" mode="date">
    <xsl:call-template name="iso-date"><xsl:with-param name="iso" select="string(.)"/></xsl:call-template>
  </xsl:template>

  <xsl:template name="iso-date">
    <xsl:param name="iso"/>
    <xsl:if test="$iso != ''">
      <xsl:value-of select="concat(substring($iso, 9, 2), '.', substring($iso, 6, 2), '.', substring($iso, 1, 4))"/>
    </xsl:if>
  </xsl:template>

  <!-- A reminder's account of what is owed: the invoice's amount due, the fee, the interest, the total and the new date. -->
  <xsl:template name="reminder">
    <fo:block space-before="2mm" space-after="4mm" keep-together.within-page="always">
      <fo:block>Vi kan ikke se å ha mottatt betaling for faktura <xsl:value-of select="$doc/cbc:ID"/> med forfall
        <xsl:apply-templates select="$due-date" mode="date"/>. Har du allerede betalt, kan du se bort fra denne purringen.</fo:block>
      <fo:table table-layout="fixed" width="100mm" space-before="2mm">
        <fo:table-column column-width="70mm"/>
        <fo:table-column column-width="30mm"/>
        <fo:table-body>
          <xsl:call-template name="sum">
            <xsl:with-param name="label" select="concat('Utestående på faktura ', $doc/cbc:ID)"/>
            <xsl:with-param name="amount" select="$reminder-principal"/>
          </xsl:call-template>
          <xsl:if test="number($reminder-fee) &gt; 0">
            <xsl:call-template name="sum">
              <xsl:with-param name="label">Purregebyr</xsl:with-param>
              <xsl:with-param name="amount" select="$reminder-fee"/>
            </xsl:call-template>
          </xsl:if>
          <xsl:if test="number($reminder-interest) &gt; 0">
            <xsl:call-template name="sum">
              <xsl:with-param name="label">Forsinkelsesrente til purringsdato</xsl:with-param>
              <xsl:with-param name="amount" select="$reminder-interest"/>
            </xsl:call-template>
          </xsl:if>
          <xsl:call-template name="sum">
            <xsl:with-param name="label">Å betale</xsl:with-param>
            <xsl:with-param name="amount" select="$reminder-total"/>
          </xsl:call-template>
        </fo:table-body>
      </fo:table>
      <fo:block space-before="2mm" font-weight="bold">Betales innen
        <xsl:call-template name="iso-date"><xsl:with-param name="iso" select="$reminder-pay-by"/></xsl:call-template>.</fo:block>
    </fo:block>
  </xsl:template>

  <xsl:template match="cac:InvoicePeriod" mode="period">
    <xsl:apply-templates select="cbc:StartDate" mode="date"/>
    <xsl:text>–</xsl:text>
    <xsl:apply-templates select="cbc:EndDate" mode="date"/>
  </xsl:template>

  <!-- UN/ECE Recommendation 20 unit codes, the common ones in Norwegian. -->
  <xsl:template match="@unitCode" mode="unit">
    <xsl:choose>
      <xsl:when test=". = 'C62' or . = 'EA' or . = 'H87'">stk</xsl:when>
      <xsl:when test=". = 'HUR'">t</xsl:when>
      <xsl:when test=". = 'DAY'">dager</xsl:when>
      <xsl:when test=". = 'WEE'">uker</xsl:when>
      <xsl:when test=". = 'MON'">mnd</xsl:when>
      <xsl:when test=". = 'ANN'">år</xsl:when>
      <xsl:when test=". = 'KGM'">kg</xsl:when>
      <xsl:when test=". = 'MTR'">m</xsl:when>
      <xsl:when test=". = 'LTR'">l</xsl:when>
      <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
