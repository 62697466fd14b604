import { ArgsType, Field, Float, ID, InputType, Int } from 'type-graphql';
import { IsLatitude, IsLongitude, IsOptional, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Audience, DeliveryMode, SessionSort } from './catalogue.enums';

@InputType({ description: 'A point and a radius: sessions at venues within the radius.' })
export class GeoPointInput {
  @Field(() => Float) @IsLatitude({ message: 'Latitude must be between -90 and 90.' }) latitude!: number;
  @Field(() => Float) @IsLongitude({ message: 'Longitude must be between -180 and 180.' }) longitude!: number;
  @Field(() => Float)
  @Min(0.1, { message: 'The radius must be at least 0.1 km.' })
  @Max(500, { message: 'The radius must be at most 500 km.' })
  radiusKm!: number;
}

@InputType()
export class SessionFilter {
  @Field({ nullable: true, description: 'Words to find in the course title, summary or provider name.' })
  @IsOptional() @MaxLength(200, { message: 'Search text must be 200 characters or fewer.' })
  text?: string;

  @Field({ nullable: true, description: 'Sessions starting at or after this time. Default: now.' })
  from?: Date;

  @Field({ nullable: true, description: 'Sessions starting before this time.' })
  to?: Date;

  @Field(() => Audience, { nullable: true }) audience?: Audience;
  @Field({ nullable: true }) freeOnly?: boolean;
  @Field({ nullable: true, description: 'Only courses commissioned or offered jointly across organisations.' })
  jointOnly?: boolean;
  @Field(() => DeliveryMode, { nullable: true }) deliveryMode?: DeliveryMode;

  @Field({ nullable: true, description: 'Sessions at venues in this town.' })
  @IsOptional() @MaxLength(100, { message: 'The town must be 100 characters or fewer.' })
  town?: string;

  @Field(() => GeoPointInput, { nullable: true })
  @IsOptional() @ValidateNested()
  near?: GeoPointInput;

  @Field({ nullable: true, description: 'With town or near: also include online sessions ("online or near me").' })
  includeOnline?: boolean;

  @Field({ nullable: true, description: 'A mandatory subject code, e.g. fire-safety.' })
  @IsOptional() @Matches(/^[a-z0-9-]{1,60}$/, { message: 'Mandatory subject must be a subject code such as fire-safety.' })
  mandatorySubject?: string;

  @Field({ nullable: true, description: 'A KSF dimension code, e.g. C1 or HWB2.' })
  @IsOptional() @Matches(/^[A-Z]{1,4}\d{1,2}$/, { message: 'KSF dimension must be a code such as C1 or HWB2.' })
  ksfDimension?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional() @IsUUID('all', { message: 'Provider organisation id is not a valid id.' })
  providerOrganisationId?: string;

  @Field(() => ID, { nullable: true, description: 'Only sessions of this course.' })
  @IsOptional() @IsUUID('all', { message: 'Course id is not a valid id.' })
  courseId?: string;

  @Field({ nullable: true, description: 'Only sessions the caller can still book a seat on.' })
  withSeatsOnly?: boolean;
}

@ArgsType()
export class SessionsArgs {
  @Field() @MaxLength(60, { message: 'Partnership slug must be 60 characters or fewer.' })
  partnershipSlug!: string;

  @Field(() => SessionFilter, { nullable: true })
  @IsOptional() @ValidateNested()
  filter?: SessionFilter;

  @Field(() => SessionSort, { nullable: true, defaultValue: SessionSort.DATE,
    description: 'DATE (soonest first) or DISTANCE (nearest first, online last; needs filter.town or filter.near).' })
  sort!: SessionSort;

  @Field(() => Int, { nullable: true, defaultValue: 20 })
  @Min(1, { message: 'first must be at least 1.' }) @Max(100, { message: 'first must be at most 100.' })
  first!: number;

  @Field({ nullable: true }) @IsOptional() @MaxLength(200, { message: 'The cursor is not one this server gave.' })
  after?: string;
}
