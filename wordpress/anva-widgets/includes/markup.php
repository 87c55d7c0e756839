<?php
/**
 * The widgets' tags and exactly their presentational attributes: what blocks, shortcodes and
 * kses may write. Nothing here can say where a customer signs in or where a token goes.
 *
 * @package AnvaWidgets
 */

defined( 'ABSPATH' ) || exit;

/** Widget name => its presentational attributes and each attribute's kind. */
function anva_widgets_elements() {
	$common = array(
		'lang' => 'lang',
		'tone' => 'tone',
	);
	return array(
		'login'           => $common,
		'contracts'       => array(
			'columns'     => 'columns',
			'detail-href' => 'href',
			'page-size'   => 'count',
		) + $common,
		'contract-detail' => array(
			'contract-id' => 'id',
			'change-href' => 'href',
			'claim-href'  => 'href',
		) + $common,
		'account'         => $common,
	);
}

/** Link attributes: kses strips bad protocols from them, as from `href`. */
function anva_widgets_href_attributes() {
	$names = array();
	foreach ( anva_widgets_elements() as $attributes ) {
		foreach ( array_keys( $attributes, 'href', true ) as $name ) {
			$names[] = $name;
			$names[] = 'data-' . $name;
		}
	}
	return array_values( array_unique( $names ) );
}

/**
 * A presentational value as the widget accepts it, or null.
 *
 * @param string $kind  The attribute's kind from anva_widgets_elements().
 * @param mixed  $value What a block or shortcode gave.
 */
function anva_widgets_clean_value( $kind, $value ) {
	if ( is_array( $value ) && 'columns' === $kind ) {
		$value = implode( ',', $value );
	}
	if ( ! is_scalar( $value ) ) {
		return null;
	}
	$value = trim( (string) $value );
	switch ( $kind ) {
		case 'lang':
			return in_array( $value, array( 'nl', 'en' ), true ) ? $value : null;
		case 'tone':
			return in_array( $value, array( 'formal', 'informal' ), true ) ? $value : null;
		case 'count':
			return ctype_digit( $value ) && (int) $value >= 1 && (int) $value <= 100 ? (string) (int) $value : null;
		case 'columns':
			return preg_match( '/^[A-Za-z][\w.-]*(\s*,\s*[A-Za-z][\w.-]*)*$/', $value ) ? preg_replace( '/\s+/', '', $value ) : null;
		case 'id':
			return preg_match( '/^[^\s<>"\'`]{1,100}$/', $value ) ? $value : null;
		case 'href':
			// Relative or http(s) only; esc_url() would drop the {id} braces, so the check is ours.
			$safe = '' !== $value && ! preg_match( '/[\s<>"\'`\\\\]/', $value ) && wp_kses_bad_protocol( $value, array( 'http', 'https' ) ) === $value;
			return $safe ? $value : null;
	}
	return null;
}

/**
 * `<anva-…>` with the valid presentational attributes among `$given` (keys in the
 * attribute's spelling, `detail-href`, or the shortcode's, `detail_href`).
 *
 * @param string $widget One of anva_widgets_elements()' names.
 * @param array  $given  Attribute values.
 */
function anva_widgets_element( $widget, $given ) {
	anva_widgets_use();
	$html = '<anva-' . $widget;
	foreach ( anva_widgets_elements()[ $widget ] as $name => $kind ) {
		$key = isset( $given[ $name ] ) ? $name : str_replace( '-', '_', $name );
		if ( ! isset( $given[ $key ] ) ) {
			continue;
		}
		$value = anva_widgets_clean_value( $kind, $given[ $key ] );
		if ( null !== $value ) {
			$html .= ' ' . $name . '="' . esc_attr( $value ) . '"';
		}
	}
	return $html . '></anva-' . $widget . '>';
}
