"""The labels of OFAC Remarks clauses, by what they become: identifiers, extras, countries.

Collected from the SDN and Consolidated lists (2024-2025 files). A label that is not here leaves
its clause in the remarks as text; adding a label is the whole change needed to structure it.
"""

from __future__ import annotations

from veracity.model import CountryRole

# Identifier labels as OFAC writes them, by the kind we file them under. A label not listed
# here is left in the remarks; the label itself is kept in `Identifier.note`.
ID_LABELS: dict[str, tuple[str, ...]] = {
    "passport": (
        "Passport", "Diplomatic Passport", "Passport Booklet", "Stateless Person Passport",
        "British National Overseas Passport",
    ),
    "travel_document": ("Travel Document Number",),
    "national_id": (
        "National ID No.", "Personal ID Card", "Kenyan ID No.", "Cedula No.", "D.N.I.",
        "Numero de Identidad", "C.U.R.P.", "CURP #", "Citizen's Card Number",
        "Turkish Identification Number", "C.U.I.", "National Foreign ID Number", "LE Number",
        "NIE", "N.I.E.", "Refugee ID Card", "Tazkira National ID Card", "Bosnian Personal ID No.",
        "Stateless Person ID Card", "CNP (Personal Numerical Code)", "UAE Identification",
    ),
    "id_number": (
        "Identification Number", "Social Security Number", "Immigration No.",
        "Public Security and Immigration No.", "Seafarer's Identification Document",
    ),
    "ssn": ("SSN",),
    "residency": ("Residency Number", "Romanian Permanent Resident"),
    "birth_certificate": ("Birth Certificate Number",),
    "drivers_license": ("Driver's License No.",),
    "voter_id": ("Electoral Registry No.", "Credencial electoral", "I.F.E."),
    "military_id": ("Cartilla de Servicio Militar Nacional", "Military Registration Number"),
    "police_id": ("C.U.I.P.",),
    "visa": ("VisaNumberID",),
    "permit": ("Permit Number", "SRE Permit No."),
    "license": (
        "License", "Trade License No.", "Tourism License No.", "Pilot License Number",
        "Afghan Money Service Provider License Number",
    ),
    "tax_id": (
        "Tax ID No.", "R.F.C.", "RFC", "US FEIN", "C.U.I.T.", "RTN", "Italian Fiscal Code",
        "NIT #", "RUC #", "RIF #", "Romanian Tax Registration",
        "Paraguayan tax identification number", "Numero Unico de Identificacao Tributaria (NUIT)",
    ),
    "vat": ("V.A.T. Number",),
    "registration": (
        "Registration Number", "Registration ID", "Business Registration Number",
        "Company Number", "UK Company Number", "Commercial Registry Number",
        "Government Gazette Number", "Unified Social Credit Code (USCC)",
        "United Social Credit Code Certificate (USCCC)", "Folio Mercantil No.",
        "Matricula Mercantil No", "C.R. No.", "Chamber of Commerce Number",
        "Istanbul Chamber of Comm. No.", "Dubai Chamber of Commerce Membership No.",
        "Central Registration System Number", "Economic Register Number (CBLS)",
        "Business Number", "Public Registration Number", "Enterprise Number",
        "Branch Unit Number", "Certificate of Incorporation Number",
        "Business Registration Document #", "Registered Charity No.", "Romanian C.R.",
        "MSB Registration Number", "File Number", "Organization Code", "C.I.N.",
        "Registration Certificate Number (Dubai)", "Trademark number",
        "Russian State Individual Business Registration Number Pattern (OGRNIP)",
    ),
    "lei": ("Legal Entity Number",),
    "swift_bic": ("SWIFT/BIC",),
    "isin": ("ISIN",),
    "duns": ("D-U-N-S Number",),
    "bik": ("BIK (RU)",),
    "mmsi": ("MMSI",),
    "call_sign": ("Other Vessel Call Sign",),
    "aircraft_msn": ("Aircraft Manufacturer's Serial Number (MSN)",),
    "aircraft_serial": ("Aircraft Serial Identification",),
    "aircraft_construction_number": (
        "Aircraft Construction Number (also called L/N or S/N or F/N)",
    ),
    "aircraft_tail_number": ("Aircraft Tail Number", "Previous Aircraft Tail Number"),
    "aircraft_mode_s": ("Aircraft Mode S Transponder Code",),
}  # fmt: skip

# Labels whose value is kept as (key, value) in `extra`.
EXTRA_LABELS: dict[str, str] = {
    "Organization Established Date": "established",
    "Organization Type": "organization_type",
    "Target Type": "target_type",
    "Aircraft Model": "aircraft_model",
    "Aircraft Manufacture Date": "aircraft_manufacture_date",
    "Aircraft Operator": "aircraft_operator",
    "Vessel Year of Build": "vessel_year_of_build",
    "Other Vessel Type": "vessel_type",
    "Former Vessel Flag": "former_vessel_flag",
    "Effective Date": "effective_date",
    "Purchase/Sales For Divestment Date": "divestment_date",
    "Secondary sanctions risk": "secondary_sanctions_risk",
    "Additional Sanctions Information": "additional_sanctions_information",
    "Transactions Prohibited For Persons Owned or Controlled By U.S. Financial Institutions": (
        "transactions_prohibited"
    ),
    "CAATSA Section 235 Information": "caatsa_235",
    "IFCA Determination": "ifca_determination",
    "For more information on directives, please visit the following link": "directives_link",
    "Phone Number": "phone",
    "Phone": "phone",
    "Telephone": "phone",
    "Fax": "fax",
    "Email Address": "email",
    "Website": "website",
    "Issuer Name": "issuer_name",
    "Equity Ticker": "equity_ticker",
    "UN/LOCODE": "un_locode",
    "Chinese Commercial Code": "chinese_commercial_code",
    "Position": "position",
    "ethnicity": "ethnicity",
    "Tribe": "tribe",
    "For more information, please reference the following link": "info_link",
}

COUNTRY_LABELS = {
    "nationality": CountryRole.NATIONALITY,
    "citizen": CountryRole.CITIZENSHIP,
    "Other Vessel Flag": CountryRole.FLAG,
    # The state an aircraft or vessel is registered in.
    "Nationality of Registration": CountryRole.JURISDICTION,
}
